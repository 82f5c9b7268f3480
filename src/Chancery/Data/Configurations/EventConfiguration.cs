using Chancery.Domain.Events;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.HasIndex(x => new { x.MissionId, x.StartsAtUtc });
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Venue).HasMaxLength(300);
        e.Property(x => x.Address).HasMaxLength(1000);
        e.Property(x => x.DressCode).HasMaxLength(200);
        e.Property(x => x.Hosts).HasMaxLength(1000);
        e.Property(x => x.Description).HasMaxLength(4000);
    }
}
