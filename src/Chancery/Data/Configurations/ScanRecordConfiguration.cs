using Chancery.Domain.Door;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class ScanRecordConfiguration : IEntityTypeConfiguration<ScanRecord>
{
    public void Configure(EntityTypeBuilder<ScanRecord> e)
    {
        e.HasIndex(s => new { s.EventId, s.Nonce }).IsUnique().HasFilter("\"Nonce\" IS NOT NULL");
        e.HasIndex(s => new { s.EventId, s.ReceivedAt });
        e.HasOne<Chancery.Domain.Events.Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        e.Property(s => s.Station).HasMaxLength(ScanRecord.MaxStation);
        e.Property(s => s.Nonce).HasMaxLength(ScanRecord.MaxNonce);
        e.Property(s => s.Code).HasMaxLength(ScanRecord.MaxCode);
        e.Property(s => s.Result).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Reason).HasMaxLength(40);
    }
}
