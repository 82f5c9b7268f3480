using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class InvitationTextConfiguration : IEntityTypeConfiguration<InvitationText>
{
    public void Configure(EntityTypeBuilder<InvitationText> e)
    {
        e.HasIndex(t => new { t.EventId, t.Language }).IsUnique();
        e.HasOne<Chancery.Domain.Events.Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Language).HasMaxLength(40);
        e.Property(t => t.Hosts).HasMaxLength(500);
        e.Property(t => t.Occasion).HasMaxLength(500);
        e.Property(t => t.Venue).HasMaxLength(500);
        e.Property(t => t.Title).HasMaxLength(300);
        e.Property(t => t.DressCode).HasMaxLength(200);
    }
}
