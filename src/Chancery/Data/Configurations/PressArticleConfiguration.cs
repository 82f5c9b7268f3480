using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class PressArticleConfiguration : IEntityTypeConfiguration<PressArticle>
{
    public void Configure(EntityTypeBuilder<PressArticle> e)
    {
        e.HasIndex(a => new { a.MissionId, a.PublishedOn });
        e.Property(a => a.Outlet).HasMaxLength(PressRules.ShortText);
        e.Property(a => a.Country).HasMaxLength(PressRules.ShortText);
        e.Property(a => a.Language).HasMaxLength(40);
        e.Property(a => a.Title).HasMaxLength(PressRules.TitleLength);
        e.Property(a => a.TranslatedTitle).HasMaxLength(PressRules.TitleLength);
        e.Property(a => a.Author).HasMaxLength(PressRules.ShortText);
        e.Property(a => a.Url).HasMaxLength(PressRules.UrlLength);
        e.Property(a => a.Summary).HasMaxLength(PressRules.SummaryLength);
        e.Property(a => a.TextCopy).HasMaxLength(PressRules.TextCopyLength);
        e.Property(a => a.SearchText).HasMaxLength(PressRules.SearchTextLength);
        e.Property(a => a.Clipping).HasConversion<string>().HasMaxLength(10);
        e.Property(a => a.ClippingVersion).IsConcurrencyToken();
    }
}
