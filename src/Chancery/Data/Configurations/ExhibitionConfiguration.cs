using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class ExhibitionConfiguration : IEntityTypeConfiguration<Exhibition>
{
    public void Configure(EntityTypeBuilder<Exhibition> e)
    {
        e.HasIndex(x => new { x.MissionId, x.Slug }).IsUnique();
        e.HasIndex(x => x.EventId);
        e.Property(x => x.Slug).HasMaxLength(Chancery.Domain.News.NewsRules.SlugLength);
        e.Property(x => x.Language).HasMaxLength(40);
        e.Property(x => x.Titles).AsJson();
        e.Property(x => x.Intros).AsJson();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Chancery.Domain.Events.Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Chancery.Domain.Events.ProgrammeItem>().WithMany().HasForeignKey(x => x.ProgrammeItemId).OnDelete(DeleteBehavior.SetNull);
    }
}
