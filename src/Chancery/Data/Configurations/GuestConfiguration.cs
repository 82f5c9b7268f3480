using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class GuestConfiguration : IEntityTypeConfiguration<Guest>
{
    public void Configure(EntityTypeBuilder<Guest> e)
    {
        e.HasIndex(g => new { g.EventId, g.ContactId }).IsUnique();
        e.HasOne<Event>().WithMany().HasForeignKey(g => g.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(g => g.Contact).WithMany().HasForeignKey(g => g.ContactId).OnDelete(DeleteBehavior.Restrict);
        e.Property(g => g.Rsvp).HasConversion<string>().HasMaxLength(20);
        e.Property(g => g.Invitation).HasConversion<string>().HasMaxLength(20);
        e.Property(g => g.Note).HasMaxLength(1000);
        e.Property(g => g.CheckedInBy).HasMaxLength(200);
        // The RSVP page finds its guest by the token's hash, across missions (the guest is not signed in).
        e.HasIndex(g => g.RsvpTokenHash).IsUnique().HasFilter("\"RsvpTokenHash\" IS NOT NULL");
        e.Property(g => g.RsvpTokenHash).HasMaxLength(64);
        e.Property(g => g.InvitationLanguage).HasMaxLength(40);
        e.Property(g => g.PlusOneNames).HasMaxLength(1000);
        e.Property(g => g.AnswerNote).HasMaxLength(1000);
    }
}
