using Chancery.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => new { a.MissionId, a.At });
        e.Property(a => a.UserName).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.EntityType).HasMaxLength(100);
        e.Property(a => a.EntityId).HasMaxLength(64);
    }
}
