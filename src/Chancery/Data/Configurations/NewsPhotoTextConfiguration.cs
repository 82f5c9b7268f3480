using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class NewsPhotoTextConfiguration : IEntityTypeConfiguration<NewsPhotoText>
{
    public void Configure(EntityTypeBuilder<NewsPhotoText> e)
    {
        e.HasIndex(t => new { t.PhotoId, t.Language }).IsUnique();
        e.HasOne<NewsPhoto>().WithMany().HasForeignKey(t => t.PhotoId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Language).HasMaxLength(40);
        e.Property(t => t.Alt).HasMaxLength(NewsPhotos.TextLength);
        e.Property(t => t.Caption).HasMaxLength(NewsPhotos.TextLength);
        e.Property(t => t.Credit).HasMaxLength(300);
    }
}
