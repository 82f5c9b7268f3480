using Chancery.Domain.Contacts;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        // What makes a person one person in a mission, kept by the database itself so that two imports or two
        // offices saving at once cannot double anyone: the e-mail address, else the name at the organization.
        e.HasIndex(c => new { c.MissionId, c.NormalizedEmail }).IsUnique()
            .HasFilter("\"NormalizedEmail\" IS NOT NULL AND \"ErasedAt\" IS NULL");
        e.HasIndex(c => new { c.MissionId, c.NameKey }).IsUnique()
            .HasFilter("\"NormalizedEmail\" IS NULL AND \"ErasedAt\" IS NULL");
        // Its parts are joined by separator controls (ContactKeys): made by Chancery, never typed.
        e.Property(c => c.NameKey).HasMaxLength(ContactKeys.NameKeyLength).HasAnnotation(Data.FieldLengths.MachineText, true);
        e.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        e.Property(c => c.HeadOfMissionClass).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.NameOrder).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Gender).HasConversion<string>().HasMaxLength(10);
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
        e.Property(c => c.SearchText).HasMaxLength(Contact.SearchTextLength);
        e.Property(c => c.SortName).HasMaxLength(Contact.SortNameLength);
        e.Ignore(c => c.DisplayName);
        e.Ignore(c => c.GrammaticalGender);
    }
}
