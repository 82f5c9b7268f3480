using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.HasIndex(c => new { c.MissionId, c.NormalizedEmail });
        e.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        e.Property(c => c.HeadOfMissionClass).HasConversion<string>().HasMaxLength(40);
        foreach (var name in new[] { nameof(Contact.Honorific), nameof(Contact.SpouseHonorific), nameof(Contact.Language) })
        {
            e.Property(name).HasMaxLength(40);
        }
        foreach (var name in new[] { nameof(Contact.FirstName), nameof(Contact.LastName), nameof(Contact.LatinName), nameof(Contact.Position),
                     nameof(Contact.DiplomaticRank), nameof(Contact.Email), nameof(Contact.NormalizedEmail), nameof(Contact.Phone),
                     nameof(Contact.SpouseFirstName), nameof(Contact.SpouseLastName) })
        {
            e.Property(name).HasMaxLength(320);
        }
        e.Property(c => c.Notes).HasMaxLength(4000);
        e.Property(c => c.SearchText).HasMaxLength(4000);
        e.Property(c => c.SortName).HasMaxLength(700);
        e.Ignore(c => c.DisplayName);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.HasIndex(o => new { o.MissionId, o.NormalizedName });
        e.Property(o => o.Name).HasMaxLength(300);
        e.Property(o => o.NormalizedName).HasMaxLength(300);
        e.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.Country).HasMaxLength(100);
        e.Property(o => o.Address).HasMaxLength(1000);
        e.Property(o => o.Website).HasMaxLength(500);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> e)
    {
        e.HasIndex(c => new { c.MissionId, c.Name }).IsUnique();
        e.Property(c => c.Name).HasMaxLength(100);
    }
}
