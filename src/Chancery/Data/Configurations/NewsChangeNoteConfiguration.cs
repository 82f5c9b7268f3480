using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class NewsChangeNoteConfiguration : IEntityTypeConfiguration<NewsChangeNote>
{
    public void Configure(EntityTypeBuilder<NewsChangeNote> e)
    {
        e.HasIndex(n => new { n.NewsItemId, n.At });
        e.HasOne<NewsItem>().WithMany().HasForeignKey(n => n.NewsItemId).OnDelete(DeleteBehavior.Cascade);
        e.Property(n => n.Note).HasMaxLength(NewsRules.ReasonLength);
    }
}
