using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.News;

/// <summary>
/// A photo of a story's gallery, shared by its language versions; one may be the lead image. The original is not
/// kept: only the resized JPEGs made from it (<see cref="NewsPhotos.Sizes"/>), with no EXIF, IPTC or XMP (so no
/// location), in the photo store under <see cref="KeyOf"/>.
/// </summary>
public sealed class NewsPhoto : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid StoryId { get; init; }
    public bool IsLead { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Of the largest version kept.</summary>
    public int Width { get; init; }
    public int Height { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static string KeyOf(Guid missionId, Guid photoId, string size) => $"{missionId:N}/{photoId:N}/{size}.jpg";
}

/// <summary>What a photo says in one language: its alt text (required), caption and credit.</summary>
public sealed class NewsPhotoText : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid PhotoId { get; init; }
    public required string Language { get; init; }
    public required string Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
}
