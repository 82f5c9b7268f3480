using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class NewsTemplateConfiguration : IEntityTypeConfiguration<NewsTemplate>
{
    public void Configure(EntityTypeBuilder<NewsTemplate> e)
    {
        e.HasIndex(t => new { t.MissionId, t.Language }).IsUnique();
        e.Property(t => t.Language).HasMaxLength(40);
        e.Property(t => t.Text).HasMaxLength(NewsRules.TemplateLength);
    }
}
