using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> e)
    {
        e.Property(m => m.Name).HasMaxLength(200);
        e.Property(m => m.Names).AsJson();
        e.Property(m => m.Country).HasMaxLength(100);
        e.Property(m => m.City).HasMaxLength(100);
        e.Property(m => m.Address).HasMaxLength(500);
        e.Property(m => m.Language).HasMaxLength(40);
        e.Property(m => m.ReplyEmail).HasMaxLength(320);
        e.Property(m => m.TimeZone).HasMaxLength(64);
        e.Property(m => m.PrecedenceDatedBy).HasConversion<string>().HasMaxLength(30).HasDefaultValue(FunctionsDatedBy.CredentialsPresented);
        e.Property(m => m.ExcellencyForHeadsOfOrganizations).HasDefaultValue(true);
        e.Property(m => m.PrecedenceTieBreak).HasConversion<string>().HasMaxLength(30).HasDefaultValue(PrecedenceTieBreak.RecordedOrder);
        e.Property(m => m.HostLanguage).HasMaxLength(20).HasDefaultValue("en");
        e.Property(m => m.Slug).HasMaxLength(MissionAddress.MaxSlugLength);
        e.HasIndex(m => m.Slug).IsUnique();
        e.Property(m => m.HostName).HasMaxLength(253);
        e.HasIndex(m => m.HostName).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.HasIndex(m => new { m.MissionId, m.UserId }).IsUnique();
        e.HasIndex(m => m.UserId);
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne(m => m.Mission).WithMany().HasForeignKey(m => m.MissionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(m => m.IsActive);
    }
}
