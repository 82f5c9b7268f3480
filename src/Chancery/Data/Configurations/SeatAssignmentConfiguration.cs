using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Seating;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class SeatAssignmentConfiguration : IEntityTypeConfiguration<SeatAssignment>
{
    public void Configure(EntityTypeBuilder<SeatAssignment> e)
    {
        // One person per seat and one seat per person, enforced by the database as well as the planner.
        e.HasIndex(s => new { s.TableId, s.Seat }).IsUnique();
        e.HasIndex(s => new { s.GuestId, s.IsPartner }).IsUnique();
        e.HasIndex(s => s.EventId);
        e.HasOne<SeatingTable>().WithMany().HasForeignKey(s => s.TableId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Guest>().WithMany().HasForeignKey(s => s.GuestId).OnDelete(DeleteBehavior.Cascade);
    }
}
