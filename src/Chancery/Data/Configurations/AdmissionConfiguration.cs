using Chancery.Domain.Door;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class AdmissionConfiguration : IEntityTypeConfiguration<Admission>
{
    public void Configure(EntityTypeBuilder<Admission> e)
    {
        e.HasIndex(a => new { a.EventId, a.GuestId, a.Companion }).IsUnique();
        e.HasIndex(a => new { a.EventId, a.At });
        e.HasOne<Chancery.Domain.Guests.Guest>().WithMany().HasForeignKey(a => a.GuestId).OnDelete(DeleteBehavior.Cascade);
        e.Property(a => a.Station).HasMaxLength(ScanRecord.MaxStation);
        e.Property(a => a.Nonce).HasMaxLength(ScanRecord.MaxNonce);
    }
}
