using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Press;

/// <summary>
/// An exhibition as the form or the API gives it. A part left out (null) keeps what the exhibition had; the event and
/// programme item are taken as given (null: none) only when <see cref="EventGiven"/>.
/// </summary>
public sealed record ExhibitionInput(string? Language = null, Dictionary<string, string?>? Titles = null, Dictionary<string, string?>? Intros = null,
    string? Slug = null, Guid? EventId = null, Guid? ProgrammeItemId = null, bool? Published = null, List<PieceInput>? Pieces = null, bool EventGiven = false);

/// <summary>An article's place in an exhibition is its place in the list; its captions are per language.</summary>
public sealed record PieceInput(Guid ArticleId, Dictionary<string, string?>? Captions = null);

/// <summary>
/// The press office's exhibitions of its archive. Kept by Press and Protocol (and Admin), as the archive is. A piece
/// is always an article of the exhibition's own mission, so a published exhibition shows nothing of another's; an
/// article's clipping is public while a published exhibition shows it.
/// </summary>
public sealed class Exhibitions(ChanceryDb db, TimeProvider clock, NewsCache cache)
{
    public const int TitleLength = 300;
    public const int IntroLength = 4000;
    public const int CaptionLength = 1000;
    public const int MaxLanguages = 8;
    public const int MaxPieces = 300;

    /// <summary>One piece as it is shown: the article, its caption in the language shown, and every caption (posters carry them all).</summary>
    public sealed record ShownPiece(PressArticle Article, string? Caption, IReadOnlyDictionary<string, string> Captions);

    public sealed record Shown(Exhibition Exhibition, string Language, string Title, string? Intro, IReadOnlyList<ShownPiece> Pieces);

    public async Task<Exhibition> CreateAsync(Guid missionId, ExhibitionInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var exhibition = new Exhibition { MissionId = missionId, Slug = "", Language = "", CreatedAt = now };
        db.Exhibitions.Add(exhibition);
        await ApplyAsync(exhibition, input with { Language = input.Language ?? "en" }, [], ct);
        await SaveAsync(exhibition, ct);
        return exhibition;
    }

    /// <summary>
    /// Changes a tracked exhibition; nothing is saved when any part is wrong, or when it is no longer the
    /// <paramref name="version"/> the change was made on (someone else saved in between).
    /// </summary>
    public async Task UpdateAsync(Exhibition exhibition, ExhibitionInput input, int? version = null, CancellationToken ct = default)
    {
        if (version is { } read)
        {
            db.Entry(exhibition).Property(x => x.Version).OriginalValue = read;
        }
        var pieces = await db.ExhibitionPieces.AsTracking().Where(p => p.ExhibitionId == exhibition.Id).OrderBy(p => p.Position).ToListAsync(ct);
        await ApplyAsync(exhibition, input, pieces, ct);
        await SaveAsync(exhibition, ct);
    }

    public async Task DeleteAsync(Exhibition exhibition, CancellationToken ct = default)
    {
        db.Exhibitions.Remove(exhibition);
        await db.SaveChangesAsync(ct);
        cache.Forget();
    }

    public Task<List<ExhibitionPiece>> PiecesAsync(Guid exhibitionId, CancellationToken ct = default) =>
        db.ExhibitionPieces.AsNoTracking().Where(p => p.ExhibitionId == exhibitionId).OrderBy(p => p.Position).ToListAsync(ct);

    /// <summary>A published exhibition at its address, read in its mission's public scope; null when there is none.</summary>
    public async Task<Shown?> PublishedAsync(string slug, string? language, CancellationToken ct = default) =>
        NewsRules.IsSlug(slug) && await db.Exhibitions.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug && x.Published, ct) is { } exhibition
            ? await ShowAsync(exhibition, language, ct)
            : null;

    /// <summary>The published exhibitions an event's news item points to.</summary>
    public Task<List<Exhibition>> PublishedOfEventAsync(Guid eventId, CancellationToken ct = default) =>
        db.Exhibitions.AsNoTracking().Where(x => x.EventId == eventId && x.Published).OrderBy(x => x.CreatedAt).ToListAsync(ct);

    /// <summary>Whether an article's clipping is shown by a published exhibition (and so may be sent to anyone).</summary>
    public Task<PressArticle?> PublishedArticleAsync(string slug, Guid articleId, CancellationToken ct = default) =>
        db.PressArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId
            && db.ExhibitionPieces.Any(p => p.ArticleId == articleId && db.Exhibitions.Any(x => x.Id == p.ExhibitionId && x.Slug == slug && x.Published)), ct);

    /// <summary>The exhibition in <paramref name="language"/> where it has that language, else in its main one.</summary>
    public async Task<Shown> ShowAsync(Exhibition exhibition, string? language, CancellationToken ct = default)
    {
        var shownIn = language is not null && exhibition.Titles.ContainsKey(language) ? language : exhibition.Language;
        var pieces = await (from p in db.ExhibitionPieces.AsNoTracking()
                            join a in db.PressArticles.AsNoTracking() on p.ArticleId equals a.Id
                            where p.ExhibitionId == exhibition.Id && a.MissionId == exhibition.MissionId
                            orderby p.Position
                            select new { p.Captions, Article = a }).ToListAsync(ct);
        return new Shown(exhibition, shownIn, exhibition.TitleIn(shownIn), exhibition.Intros.GetValueOrDefault(shownIn),
            [.. pieces.Select(p => new ShownPiece(p.Article, p.Captions.GetValueOrDefault(shownIn) ?? p.Captions.GetValueOrDefault(exhibition.Language), p.Captions))]);
    }

    private async Task SaveAsync(Exhibition exhibition, CancellationToken ct)
    {
        exhibition.Version++;
        exhibition.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Someone else changed this exhibition since you opened it, so nothing was saved: read it again and redo your step.",
                kind: DomainErrorKind.Conflict);
        }
        catch (DbUpdateException e) when (WriteConflicts.IsConflict(e))
        {
            throw new DomainException($"Another exhibition took /exhibitions/{exhibition.Slug} at the same moment: choose another address.", "Slug");
        }
        cache.Forget();
    }

    private async Task ApplyAsync(Exhibition x, ExhibitionInput input, List<ExhibitionPiece> pieces, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var language = Tag(Text.Clean(input.Language)) ?? x.Language;
        if (!ContactRules.IsLanguageTag(language) || language.Length > 40)
        {
            errors["Language"] = [$"'{language}' is not a language tag such as en, fr, zh or ar."];
        }
        var titles = input.Titles is null ? x.Titles : Texts(input.Titles, TitleLength, "Titles", errors);
        var intros = input.Intros is null ? x.Intros : Texts(input.Intros, IntroLength, "Intros", errors);
        if (!titles.ContainsKey(language))
        {
            errors["Titles"] = [$"Give the exhibition its title in its main language ({language})."];
        }
        else if (titles.Count > MaxLanguages)
        {
            errors["Titles"] = [$"At most {MaxLanguages} languages."];
        }
        if (intros.Keys.FirstOrDefault(k => !titles.ContainsKey(k)) is { } stray)
        {
            errors["Intros"] = [$"An introduction in {stray} needs a title in {stray} too."];
        }

        var slug = Text.Clean(input.Slug)?.ToLowerInvariant();
        if (slug is not null && !NewsRules.IsSlug(slug))
        {
            errors["Slug"] = [$"'{slug}' is not an address: lower-case letters, digits and single hyphens, at most {NewsRules.SlugLength} characters."];
        }
        else if (slug is not null && slug != x.Slug && await db.Exhibitions.AnyAsync(o => o.MissionId == x.MissionId && o.Slug == slug && o.Id != x.Id, ct))
        {
            errors["Slug"] = [$"Another exhibition of the mission is at /exhibitions/{slug}."];
        }

        var (eventId, programmeItemId) = input.EventGiven ? (input.EventId, input.ProgrammeItemId) : (x.EventId, x.ProgrammeItemId);
        if (programmeItemId is { } itemId)
        {
            var item = await db.ProgrammeItems.Where(p => p.Id == itemId && p.MissionId == x.MissionId).Select(p => (Guid?)p.EventId).FirstOrDefaultAsync(ct);
            if (item is null || (eventId is not null && item != eventId))
            {
                errors["ProgrammeItemId"] = ["This is not an item of the event's programme."];
            }
            eventId ??= item;
        }
        if (eventId is { } ev && !await db.Events.AnyAsync(e => e.Id == ev && e.MissionId == x.MissionId, ct))
        {
            errors["EventId"] = ["This is not one of the mission's events."];
        }

        var newPieces = input.Pieces is null ? null : Pieces(input.Pieces, titles, errors);
        if (newPieces is not null)
        {
            var ids = newPieces.Select(p => p.ArticleId).ToList();
            if (ids.Count > 0 && await db.PressArticles.CountAsync(a => ids.Contains(a.Id) && a.MissionId == x.MissionId, ct) != ids.Count)
            {
                errors["Pieces"] = ["Some of these articles are not in the mission's archive."];
            }
        }
        var published = input.Published ?? x.Published;
        if (published && (newPieces?.Count ?? pieces.Count) == 0)
        {
            errors["Published"] = [x.Published ? "An exhibition on the website keeps at least one article: take it down first." : "Add at least one article before the exhibition is published."];
        }
        DomainException.ThrowIfAny(errors, "The exhibition was not saved.");

        (x.Language, x.Titles, x.Intros, x.EventId, x.ProgrammeItemId) = (language, titles, intros, eventId, programmeItemId);
        x.Slug = slug ?? (x.Slug.Length > 0 ? x.Slug : await FreeSlugAsync(x, ct));
        if (published && !x.Published)
        {
            x.PublishedAt ??= clock.GetUtcNow();
        }
        x.Published = published;
        if (newPieces is not null)
        {
            Replace(x, pieces, newPieces);
        }
        // Captions in a language the exhibition no longer has go with it.
        foreach (var p in pieces.Where(p => p.Captions.Keys.Any(k => !titles.ContainsKey(k))))
        {
            p.Captions = p.Captions.Where(kv => titles.ContainsKey(kv.Key)).ToDictionary();
        }
    }

    private static Dictionary<string, string> Texts(Dictionary<string, string?> given, int max, string field, Dictionary<string, string[]> errors)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (tag, value) in given)
        {
            var language = Tag(Text.Clean(tag));
            if (language is null || language.Length > 40 || !ContactRules.IsLanguageTag(language))
            {
                errors[field] = [$"'{tag}' is not a language tag such as en, fr, zh or ar."];
            }
            else if (!seen.Add(language))
            {
                errors[field] = [$"{language} is given twice."];
            }
            else if (Text.Clean(value) is { } text)
            {
                if (text.Length > max)
                {
                    errors[field] = [$"At most {max:N0} characters ({language})."];
                }
                kept[language] = text;
            }
        }
        return kept;
    }

    /// <summary>A language tag in its usual case (zh-Hant-TW, en-GB), so "EN" and "en" are one language.</summary>
    private static string? Tag(string? tag) => tag is null ? null : string.Join('-', tag.Replace('_', '-').Split('-').Select((part, i) =>
        i == 0 ? part.ToLowerInvariant()
        : part.Length == 4 ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()
        : part.Length == 2 ? part.ToUpperInvariant()
        : part.ToLowerInvariant()));

    private static List<(Guid ArticleId, Dictionary<string, string> Captions)>? Pieces(List<PieceInput> given, Dictionary<string, string> titles, Dictionary<string, string[]> errors)
    {
        if (given.Count > MaxPieces)
        {
            errors["Pieces"] = [$"At most {MaxPieces} articles in one exhibition."];
            return null;
        }
        if (given.GroupBy(p => p.ArticleId).FirstOrDefault(g => g.Count() > 1) is not null)
        {
            errors["Pieces"] = ["An article appears once in an exhibition."];
            return null;
        }
        var pieces = new List<(Guid ArticleId, Dictionary<string, string> Captions)>();
        foreach (var (piece, index) in given.Select((p, i) => (p, i)))
        {
            var captions = Texts(piece.Captions ?? [], CaptionLength, $"Pieces[{index}].Captions", errors);
            if (captions.Keys.FirstOrDefault(k => !titles.ContainsKey(k)) is { } stray)
            {
                errors[$"Pieces[{index}].Captions"] = [$"The exhibition has no {stray} version: give it a title in {stray} first."];
            }
            pieces.Add((piece.ArticleId, captions));
        }
        return pieces;
    }

    // The list as given becomes the exhibition: pieces kept where their article stays (same row), moved, added, removed.
    private void Replace(Exhibition x, List<ExhibitionPiece> pieces, List<(Guid ArticleId, Dictionary<string, string> Captions)> wanted)
    {
        var byArticle = pieces.ToDictionary(p => p.ArticleId);
        foreach (var (input, position) in wanted.Select((p, i) => (p, i)))
        {
            var captions = input.Captions;
            if (byArticle.Remove(input.ArticleId, out var existing))
            {
                (existing.Position, existing.Captions) = (position, captions);
            }
            else
            {
                db.ExhibitionPieces.Add(new ExhibitionPiece { MissionId = x.MissionId, ExhibitionId = x.Id, ArticleId = input.ArticleId, Position = position, Captions = captions });
            }
        }
        db.ExhibitionPieces.RemoveRange(byArticle.Values);
        pieces.RemoveAll(byArticle.ContainsValue);
    }

    private async Task<string> FreeSlugAsync(Exhibition x, CancellationToken ct)
    {
        var stem = NewsRules.SlugFrom(x.TitleIn(x.Language)) is var s && s == "news" ? "exhibition" : s;
        var taken = await db.Exhibitions.Where(o => o.MissionId == x.MissionId && o.Slug.StartsWith(stem) && o.Id != x.Id).Select(o => o.Slug).ToListAsync(ct);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }
}
