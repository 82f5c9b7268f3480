using Chancery.Domain.Events;
using Chancery.Domain.Press;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class ProgrammeItemConfiguration : IEntityTypeConfiguration<ProgrammeItem>
{
    public void Configure(EntityTypeBuilder<ProgrammeItem> e)
    {
        e.HasIndex(x => new { x.EventId, x.SortOrder });
        e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Titles).AsJson();
        e.Property(x => x.Speaker).HasMaxLength(300);
        e.Property(x => x.Place).HasMaxLength(300);
    }
}
