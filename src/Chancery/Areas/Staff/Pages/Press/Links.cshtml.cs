using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press;

/// <summary>
/// A year's coverage from its links: up to <see cref="MaxLinks"/> pasted at once, each page read as <i>Read the
/// page</i> reads one (a few at a time, each with the same limits) and kept as an article to check; a link already in
/// the archive is not added twice, and a page that cannot be read says why on its line.
/// </summary>
public sealed class LinksModel(ChanceryDb db, PressArchive archive, LinkReader reader, MissionScope scope) : PageModel
{
    public const int MaxLinks = 25;
    private const int AtOnce = 4;

    public sealed record Outcome(string Link, Guid? ArticleId, string? Title, string Said, bool Added);

    [BindProperty] public string? Links { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Tags { get; set; }

    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var missionId = scope.TargetMission(null, PressArchive.Keepers) ?? throw DomainException.NotFound("mission");
        var lines = (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (lines.Count == 0 || lines.Count > MaxLinks)
        {
            ModelState.AddModelError(nameof(Links), lines.Count == 0 ? "Paste at least one link, one per line." : $"At most {MaxLinks} links at a time ({lines.Count} given): paste the rest next.");
            return Page();
        }
        var known = await db.PressArticles.AsNoTracking().Where(a => a.MissionId == missionId && a.Url != null && lines.Contains(a.Url))
            .Select(a => new { a.Url, a.Id, a.Title }).ToListAsync(ct);

        // Pages are read a few at a time (each bounded by the reader's own limits); articles are saved one by one after.
        using var gate = new SemaphoreSlim(AtOnce);
        var reads = lines.Select(async line =>
        {
            if (known.FirstOrDefault(k => k.Url == line) is { } already)
            {
                return (line, (LinkFields?)null, (Outcome?)new Outcome(line, already.Id, already.Title, "Already in the archive.", false));
            }
            await gate.WaitAsync(ct);
            try
            {
                return (line, await reader.ReadAsync(line, ct), (Outcome?)null);
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Invalid)
            {
                return (line, null, new Outcome(line, null, null, string.Join(" ", e.Errors.SelectMany(x => x.Value).DefaultIfEmpty(e.Message)), false));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();

        var outcomes = new List<Outcome>();
        var tags = (Tags ?? "").Split(',', ';').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        foreach (var (line, fields, outcome) in await Task.WhenAll(reads))
        {
            if (outcome is not null || fields is null)
            {
                outcomes.Add(outcome!);
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
                var article = await archive.CreateAsync(missionId, new PressInput(outlet, Country, fields.Language,
                    fields.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fields.Title, null, fields.Author, fields.Url, fields.Summary, tags, null, null, fields.TextCopy), ct);
                outcomes.Add(new Outcome(line, article.Id, article.Title, fields.PublishedOn is null ? "Added: the page gives no date, add it." : "Added: check it.", true));
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Invalid)
            {
                outcomes.Add(new Outcome(line, null, fields.Title, "Read, not added: " + string.Join(" ", e.Errors.SelectMany(x => x.Value).DefaultIfEmpty(e.Message)), false));
            }
        }
        Outcomes = outcomes;
        return Page();
    }
}
