using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class ExhibitionPieceConfiguration : IEntityTypeConfiguration<ExhibitionPiece>
{
    public void Configure(EntityTypeBuilder<ExhibitionPiece> e)
    {
        e.HasIndex(p => new { p.ExhibitionId, p.Position });
        e.HasIndex(p => p.ArticleId);
        e.Property(p => p.Captions).AsJson();
        e.HasOne<Exhibition>().WithMany().HasForeignKey(p => p.ExhibitionId).OnDelete(DeleteBehavior.Cascade);
        // An article deleted from the archive leaves the exhibitions it was in.
        e.HasOne<PressArticle>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
