using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> e)
    {
        e.HasIndex(n => new { n.MissionId, n.Slug }).IsUnique();
        e.HasIndex(n => new { n.MissionId, n.State, n.PublishedAt });
        e.HasIndex(n => n.StoryId);
        // The scheduler's question on every server, every few seconds.
        e.HasIndex(n => new { n.State, n.PublishAt });
        e.HasIndex(n => n.PreviewToken).IsUnique();
        e.HasOne<Chancery.Domain.Events.Event>().WithMany().HasForeignKey(n => n.EventId).OnDelete(DeleteBehavior.SetNull);
        e.Property(n => n.Language).HasMaxLength(40);
        e.Property(n => n.Slug).HasMaxLength(NewsRules.SlugLength);
        e.Property(n => n.Title).HasMaxLength(NewsRules.TitleLength);
        e.Property(n => n.Body).HasMaxLength(NewsRules.BodyLength);
        e.Property(n => n.State).HasConversion<string>().HasMaxLength(20);
        e.Property(n => n.AuthorName).HasMaxLength(256);
        e.Property(n => n.ApprovedByName).HasMaxLength(256);
        e.Property(n => n.PublishedWithoutApprovalBecause).HasMaxLength(NewsRules.ReasonLength);
        e.Property(n => n.WithdrawalNotice).HasMaxLength(NewsRules.ReasonLength);
        e.Property(n => n.PreviewToken).HasMaxLength(64);
        e.Property(n => n.Version).IsConcurrencyToken();
    }
}
