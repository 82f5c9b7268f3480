using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Press;

/// <summary>An article as the form or the API gives it; dates as yyyy-MM-dd.</summary>
public sealed record PressInput(string? Outlet, string? Country, string? Language, string? PublishedOn, string? Title, string? TranslatedTitle, string? Author,
    string? Url, string? Summary, List<string>? Tags, List<Guid>? EventIds, List<Guid>? ContactIds, string? TextCopy = null);

/// <summary>What the archive is searched by: words in any script, and the usual filters.</summary>
public sealed record PressFilter(string? Q = null, string? Country = null, string? Language = null, string? Outlet = null, string? Tag = null, Guid? EventId = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The press office's archive of coverage (docs/press.md). Protocol and Press change it, Admin too; the Door role
/// reads nothing. An article's events and people must be the mission's own.
/// </summary>
public sealed class PressArchive(ChanceryDb db, TimeProvider clock, Clippings clippings)
{
    public static readonly MissionRole[] Keepers = [MissionRole.Press, MissionRole.Protocol];

    public const int MaxExport = 20_000;
    public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Articles as a workbook, a row each (text a spreadsheet would run is neutralised by <see cref="Spreadsheet"/>).</summary>
    public static byte[] Workbook(IEnumerable<PressArticle> articles)
    {
        string[] header = ["Date", "Outlet", "Country", "Language", "Title", "Translated title", "Author", "Summary", "Topics", "Link"];
        var rows = articles.Select(a => new object?[]
        {
            a.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Outlet, a.Country, a.Language, a.Title, a.TranslatedTitle,
            a.Author, a.Summary, string.Join("; ", a.Tags), a.Url,
        });
        return Spreadsheet.Xlsx(("Press coverage", header, rows));
    }

    public IQueryable<PressArticle> Search(PressFilter f)
    {
        var q = db.PressArticles.AsNoTracking();
        if (Text.Fold(f.Q) is { Length: > 0 } words)
        {
            // Ten words are a search; a thousand would be a query too large for the database to take.
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10))
            {
                q = q.Where(a => a.SearchText.Contains(word));
            }
        }
        if (Text.Clean(f.Country) is { } country)
        {
            q = q.Where(a => a.Country == country);
        }
        if (Text.Clean(f.Language) is { } language)
        {
            q = q.Where(a => a.Language == language);
        }
        if (Text.Clean(f.Outlet) is { } outlet)
        {
            q = q.Where(a => a.Outlet == outlet);
        }
        if (Text.Clean(f.Tag) is { } tag)
        {
            q = q.Where(a => a.Tags.Contains(tag));
        }
        if (f.EventId is { } eventId)
        {
            q = q.Where(a => a.EventIds.Contains(eventId));
        }
        if (f.From is { } from)
        {
            q = q.Where(a => a.PublishedOn >= from);
        }
        if (f.To is { } to)
        {
            q = q.Where(a => a.PublishedOn <= to);
        }
        return q.OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id);
    }

    public async Task<PressArticle> CreateAsync(Guid missionId, PressInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var article = new PressArticle { MissionId = missionId, Outlet = "", Title = "", CreatedAt = now };
        await ApplyAsync(article, input, ct);
        db.PressArticles.Add(article);
        await db.SaveChangesAsync(ct);
        return article;
    }

    /// <summary>Changes a tracked article; nothing is saved when any field is wrong.</summary>
    public async Task UpdateAsync(PressArticle article, PressInput input, CancellationToken ct = default)
    {
        await ApplyAsync(article, input, ct);
        await SaveAsync(ct);
    }

    public async Task DeleteAsync(PressArticle article, CancellationToken ct = default)
    {
        db.PressArticles.Remove(article);
        await SaveAsync(ct);
        await clippings.DeleteFilesAsync(article.MissionId, article.Id, article.ClippingVersion);
    }

    // A clipping uploaded between reading the article and saving it changes the files the row names (its version
    // is checked on save): the change is refused rather than made over it.
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("This article was changed or removed at the same moment (a new clipping, perhaps), so nothing was saved: read it again and redo your step.",
                kind: DomainErrorKind.Conflict);
        }
    }

    private async Task ApplyAsync(PressArticle a, PressInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        string? Field(string name, string? value, int max, bool required = false)
        {
            var clean = Text.Clean(value);
            if (clean is null && required)
            {
                errors[name] = [name == "Title" ? "An article needs its title as published." : "Say where it was published."];
            }
            else if (clean is { Length: var n } && n > max)
            {
                errors[name] = [$"At most {max:N0} characters."];
            }
            return clean;
        }
        var outlet = Field("Outlet", input.Outlet, PressRules.ShortText, required: true);
        var title = Field("Title", input.Title, PressRules.TitleLength, required: true);
        var language = Field("Language", input.Language, 40);
        if (language is not null && !ContactRules.IsLanguageTag(language))
        {
            errors["Language"] = [$"'{language}' is not a language tag such as en, fr, zh or ar."];
        }
        var url = Field("Url", input.Url, PressRules.UrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
        {
            errors["Url"] = ["A link starts with https:// or http://."];
        }
        DateOnly? day = null;
        if (Text.Clean(input.PublishedOn) is { } date)
        {
            day = PressRules.Day(date);
            if (day is null)
            {
                errors["PublishedOn"] = [PressRules.NotADay(date)];
            }
        }
        // Lists left out (null) keep what the article had; an empty list empties it.
        var tags = (input.Tags ?? a.Tags).Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Count > PressRules.MaxTags || tags.Any(t => t.Length > 60))
        {
            errors["Tags"] = [$"At most {PressRules.MaxTags} topics of 60 characters each."];
        }
        var events = (input.EventIds ?? a.EventIds).Distinct().ToList();
        if (events.Count > 0 && await db.Events.CountAsync(e => events.Contains(e.Id) && e.MissionId == a.MissionId, ct) != events.Count)
        {
            errors["EventIds"] = ["Some of these events are not the mission's."];
        }
        var people = (input.ContactIds ?? a.ContactIds).Distinct().ToList();
        if (people.Count > 0 && await db.Contacts.CountAsync(c => people.Contains(c.Id) && c.MissionId == a.MissionId && c.ErasedAt == null, ct) != people.Count)
        {
            errors["ContactIds"] = ["Some of these people are not in the mission's directory."];
        }
        var summary = Field("Summary", input.Summary, PressRules.SummaryLength);
        var translated = Field("TranslatedTitle", input.TranslatedTitle, PressRules.TitleLength);
        var author = Field("Author", input.Author, PressRules.ShortText);
        var country = Field("Country", input.Country, PressRules.ShortText);
        DomainException.ThrowIfAny(errors, "The article was not saved.");

        (a.Outlet, a.Title, a.Language, a.Url, a.PublishedOn, a.Tags, a.EventIds, a.ContactIds) = (outlet!, title!, language, url, day, tags, events, people);
        (a.Summary, a.TranslatedTitle, a.Author, a.Country) = (summary, translated, author, country);
        if (input.TextCopy is { } copy)
        {
            a.TextCopy = Text.Clean(copy) is { } clean ? Text.Truncate(clean, PressRules.TextCopyLength) : null;
        }
        var folded = Text.Fold(string.Join(' ', new[] { title, translated, summary, outlet, author }.OfType<string>()));
        a.SearchText = Text.Truncate(folded, PressRules.SearchTextLength);
        a.UpdatedAt = clock.GetUtcNow();
    }
}
