using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class NewsPhotoConfiguration : IEntityTypeConfiguration<NewsPhoto>
{
    public void Configure(EntityTypeBuilder<NewsPhoto> e) => e.HasIndex(p => new { p.StoryId, p.SortOrder });
}
