using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Seating;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class SeatingTableConfiguration : IEntityTypeConfiguration<SeatingTable>
{
    public void Configure(EntityTypeBuilder<SeatingTable> e)
    {
        e.HasIndex(t => new { t.EventId, t.Number }).IsUnique();
        e.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.HostName).HasMaxLength(300);
        e.Property(t => t.CoHostName).HasMaxLength(300);
    }
}
