using Chancery.Domain.Contacts;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.HasIndex(o => new { o.MissionId, o.NormalizedName }).IsUnique();
        e.Property(o => o.Name).HasMaxLength(300);
        e.Property(o => o.NormalizedName).HasMaxLength(300);
        e.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.Country).HasMaxLength(100);
        e.Property(o => o.Address).HasMaxLength(1000);
        e.Property(o => o.Website).HasMaxLength(500);
        e.Property(o => o.Names).AsJson();
    }
}
