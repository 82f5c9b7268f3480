using System.Text.Json;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Press;

/// <summary>
/// Articles of the archive curated into an exhibition (docs/press.md; the seed's "photo exhibition of the articles
/// published in the international press"): a title and an introduction in each of its languages, its pieces in
/// order, each with a caption per language. Shown on the website once published (<c>/exhibitions/{slug}</c>), on a
/// screen in the hall as a slideshow, and on paper as posters; it may stand for an item of an event's programme.
/// </summary>
public sealed class Exhibition : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string Slug { get; set; }
    /// <summary>BCP 47 tag of its main language: the one shown when a reader asks for none it has.</summary>
    public required string Language { get; set; }
    /// <summary>Its title in each of its languages; the keys are the exhibition's languages.</summary>
    public Dictionary<string, string> Titles { get; set; } = [];
    public Dictionary<string, string> Intros { get; set; } = [];
    public Guid? EventId { get; set; }
    /// <summary>The programme item ("Photo exhibition") it is, of <see cref="EventId"/>.</summary>
    public Guid? ProgrammeItemId { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Bumped on each save: two people changing the same exhibition at once do not silently overwrite each other.</summary>
    public int Version { get; set; }

    public string TitleIn(string? language) => Titles.GetValueOrDefault(language ?? Language) ?? Titles.GetValueOrDefault(Language) ?? Titles.Values.FirstOrDefault() ?? "";
}

/// <summary>One article in an exhibition, at its place, with what its caption says in each of the exhibition's languages.</summary>
public sealed class ExhibitionPiece : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid ExhibitionId { get; init; }
    public Guid ArticleId { get; init; }
    public int Position { get; set; }
    public Dictionary<string, string> Captions { get; set; } = [];
}

internal static class LanguageTexts
{
    // Stored as written (Arabic as Arabic, not \u escapes): this is a database column, never a page.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    // Text per language kept as one JSON object: read and written whole, never queried inside.
    public static PropertyBuilder<Dictionary<string, string>> AsJson(this PropertyBuilder<Dictionary<string, string>> p) => p
        .HasConversion(
            d => JsonSerializer.Serialize(d, Json),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, Json) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                // Order-free, as the equality is.
                d => d.Aggregate(0, (h, kv) => h ^ HashCode.Combine(kv.Key, kv.Value)),
                d => new Dictionary<string, string>(d)));
}
