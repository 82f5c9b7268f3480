using System.Globalization;
using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Press;

/// <summary>
/// A year's coverage from its links: up to <see cref="MaxLinks"/> pasted at once, each page read as one link is read
/// (<see cref="LinkReader"/>, a few at a time across the server) and kept as an article to check; a link already in
/// the archive is not added twice, and a page that cannot be read says why on its line. Each article is saved as
/// soon as its page is in, in the order pasted, so a round cut short keeps what was read.
/// </summary>
public sealed class LinkRounds(ChanceryDb db, PressArchive archive, LinkReader reader)
{
    public const int MaxLinks = 25;

    public sealed record Outcome(string Link, Guid? ArticleId, string? Title, string Said, bool Added);

    public async Task<IReadOnlyList<Outcome>> AddAsync(Guid missionId, string? links, string? country, string? topics, CancellationToken ct = default)
    {
        var lines = (links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (lines.Count == 0 || lines.Count > MaxLinks)
        {
            throw new DomainException(lines.Count == 0 ? "Paste at least one link, one per line." : $"At most {MaxLinks} links at a time ({lines.Count} given): paste the rest next.", "Links");
        }
        var tags = (topics ?? "").Split(',', ';').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (Contacts.Text.Clean(country) is { Length: > PressRules.ShortText } || tags.Count > PressRules.MaxTags || tags.Any(t => t.Length > 60))
        {
            throw new DomainException($"The country is at most {PressRules.ShortText} characters; at most {PressRules.MaxTags} topics of 60 characters each.", "Tags");
        }
        var known = await db.PressArticles.AsNoTracking().Where(a => a.MissionId == missionId && a.Url != null && lines.Contains(a.Url))
            .Select(a => new { a.Url, a.Id, a.Title }).ToListAsync(ct);

        var reads = lines.Select(line => known.Any(k => k.Url == line) ? Task.FromResult<(LinkFields?, string?)>((null, null)) : ReadAsync(line, ct)).ToList();
        var outcomes = new List<Outcome>();
        foreach (var (line, read) in lines.Zip(reads))
        {
            if (known.FirstOrDefault(k => k.Url == line) is { } already)
            {
                outcomes.Add(new Outcome(line, already.Id, already.Title, "Already in the archive.", false));
                continue;
            }
            var (fields, problem) = await read;
            if (fields is null)
            {
                outcomes.Add(new Outcome(line, null, null, problem ?? "The page could not be read.", false));
                continue;
            }
            if (await db.PressArticles.AsNoTracking().FirstOrDefaultAsync(a => a.MissionId == missionId && a.Url == fields.Url, ct) is { } moved)
            {
                outcomes.Add(new Outcome(line, moved.Id, moved.Title, "Already in the archive (the link leads to it).", false));
                continue;
            }
            var outlet = fields.Outlet ?? (Uri.TryCreate(fields.Url, UriKind.Absolute, out var u) ? u.Host : null);
            try
            {
                var article = await archive.CreateAsync(missionId, new PressInput(outlet, country, fields.Language,
                    fields.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fields.Title, null, fields.Author, fields.Url, fields.Summary, tags, null, null, fields.TextCopy), ct);
                outcomes.Add(new Outcome(line, article.Id, article.Title, fields.PublishedOn is null ? "Added: the page gives no date, add it." : "Added: check it.", true));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One article that cannot be saved is that line's problem, not the round's.
                db.ChangeTracker.Clear();
                outcomes.Add(new Outcome(line, null, fields.Title, "Read, not added: " + (e is DomainException d ? d.Said : "the archive could not save it; try this link again."), false));
            }
        }
        return outcomes;
    }

    private async Task<(LinkFields?, string?)> ReadAsync(string line, CancellationToken ct)
    {
        try
        {
            return (await reader.ReadAsync(line, ct), null);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Invalid)
        {
            return (null, e.Said);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (null, "The page could not be read.");
        }
    }
}
