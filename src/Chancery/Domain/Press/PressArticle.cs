using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Press;

/// <summary>
/// An article about the mission, its country, its events or its people, as the press office archives it (docs/press.md):
/// where and when it appeared, in what language, its title as published and in translation, a short summary,
/// the topics and the events and people it concerns, and a copy of the page's text (links rot).
/// </summary>
public sealed class PressArticle : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string Outlet { get; set; }
    public string? Country { get; set; }
    /// <summary>BCP 47 tag of the language it was published in.</summary>
    public string? Language { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public required string Title { get; set; }
    public string? TranslatedTitle { get; set; }
    public string? Author { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<Guid> EventIds { get; set; } = [];
    public List<Guid> ContactIds { get; set; } = [];
    /// <summary>The page's text as it was read, kept in case the link stops working.</summary>
    public string? TextCopy { get; set; }
    /// <summary>Folded (case, accents, script-insensitive as the directory's) titles, summary and outlet, for search in any script.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The clipping kept with it: a picture (JPEG versions, as news photos) or the PDF as uploaded; none yet.</summary>
    public ClippingKind Clipping { get; set; }
    public int? ClippingWidth { get; set; }
    public int? ClippingHeight { get; set; }
    /// <summary>
    /// Each upload's files are kept under their own key, so a replacement never overwrites files the saved row still
    /// names: the new files are written, the row saved, then the old files go. Null for clippings kept before this
    /// (their files are under the article's key alone). Checked on save: of two uploads at once, one is refused.
    /// </summary>
    public Guid? ClippingVersion { get; set; }

    /// <summary>Whether there is a picture of the clipping to show (a picture's, or one found in its PDF).</summary>
    public bool HasPicture => Clipping != ClippingKind.None && ClippingWidth is not null;

    public string ClippingKey(string name) => ClippingKey(MissionId, Id, ClippingVersion, name);

    public static string ClippingKey(Guid missionId, Guid articleId, Guid? version, string name) =>
        version is { } v ? $"press/{missionId:N}/{articleId:N}/{v:N}/{name}" : $"press/{missionId:N}/{articleId:N}/{name}";
}

public enum ClippingKind
{
    None,
    Image,
    Pdf,
}
