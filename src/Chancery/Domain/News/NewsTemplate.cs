using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.News;

/// <summary>
/// A mission's own wording of the news draft in one language (a Liquid template, <see cref="NewsDraft"/>), in
/// place of the shipped one. Deleting it goes back to the shipped wording.
/// </summary>
public sealed class NewsTemplate : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string Language { get; init; }
    public required string Text { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
