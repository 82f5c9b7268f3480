using Chancery.Domain.Contacts;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> e)
    {
        e.HasIndex(c => new { c.MissionId, c.Name }).IsUnique();
        e.Property(c => c.Name).HasMaxLength(100);
    }
}
