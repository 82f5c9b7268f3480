using Chancery.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.HasIndex(m => new { m.MissionId, m.DedupKey }).IsUnique();
        e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        e.HasIndex(m => new { m.AboutType, m.AboutId });
        e.Property(m => m.DedupKey).HasMaxLength(200);
        e.Property(m => m.Recipient).HasMaxLength(320);
        e.Property(m => m.Subject).HasMaxLength(500);
        e.Property(m => m.Renderer).HasMaxLength(100);
        e.Property(m => m.AboutType).HasMaxLength(40);
        e.Property(m => m.LeaseOwner).HasMaxLength(200);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.LastError).HasMaxLength(2000);
        e.Property(m => m.MessageId).HasMaxLength(250);
    }
}
