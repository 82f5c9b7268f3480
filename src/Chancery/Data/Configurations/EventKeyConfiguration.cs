using System.Security.Cryptography;
using Chancery.Data;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class EventKeyConfiguration : IEntityTypeConfiguration<EventKey>
{
    public void Configure(EntityTypeBuilder<EventKey> e)
    {
        e.HasKey(k => k.EventId);
        e.HasOne<Chancery.Domain.Events.Event>().WithOne().HasForeignKey<EventKey>(k => k.EventId).OnDelete(DeleteBehavior.Cascade);
        e.Property(k => k.ProtectedSecret).HasMaxLength(1000);
        e.Property(k => k.ProtectedSigningKey).HasMaxLength(2000);
        e.Property(k => k.PublicKey).HasMaxLength(200);
    }
}
