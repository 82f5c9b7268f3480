using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press.Exhibitions;

/// <summary>
/// One exhibition: its title and introduction per language, the event (and programme item) it is part of, its
/// articles in order with their captions, articles added from the archive, and publication.
/// </summary>
public sealed class EditModel(ChanceryDb db, Domain.Press.Exhibitions exhibitions, PressArchive archive, MissionScope scope) : PageModel
{
    public Exhibition Exhibition { get; private set; } = null!;
    public Domain.Press.Exhibitions.Shown Shown { get; private set; } = null!;
    public IReadOnlyList<PressArticle> Found { get; private set; } = [];
    /// <summary>Events, newest first, each with its programme, for "shown at".</summary>
    public IReadOnlyList<(Domain.Events.Event Event, List<Domain.Events.ProgrammeItem> Items)> Events { get; private set; } = [];
    public string? PublicAddress { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty] public List<LanguageText> Texts { get; set; } = [];
    [BindProperty] public string? MainLanguage { get; set; }
    [BindProperty] public string? Slug { get; set; }
    /// <summary>"e:{event id}", "p:{programme item id}" or empty.</summary>
    [BindProperty] public string? ShownAt { get; set; }
    [BindProperty] public List<PieceForm> Pieces { get; set; } = [];
    /// <summary>The version the form was read at: a save over someone else's later change is refused, not merged silently.</summary>
    [BindProperty] public int Version { get; set; }

    public sealed class LanguageText
    {
        public string? Language { get; set; }
        public string? Title { get; set; }
        public string? Intro { get; set; }
    }

    public sealed class PieceForm
    {
        public Guid ArticleId { get; set; }
        public Dictionary<string, string?> Captions { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, posted: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAboutAsync(Guid id, CancellationToken ct)
    {
        var (titles, intros) = (new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase));
        foreach (var text in Texts.Where(t => !string.IsNullOrWhiteSpace(t.Language)))
        {
            var language = text.Language!.Trim();
            if (!titles.TryAdd(language, text.Title))
            {
                ModelState.AddModelError("Titles", $"{language} has two rows: keep one.");
                await LoadAsync(id, posted: true, ct);
                return Page();
            }
            intros[language] = text.Intro;
        }
        var (eventId, itemId) = ShownAt switch
        {
            ['e', ':', .. var e] when Guid.TryParse(e, out var ev) => ((Guid?)ev, (Guid?)null),
            ['p', ':', .. var p] when Guid.TryParse(p, out var item) => (null, item),
            _ => (null, null),
        };
        return await ChangeAsync(id, new ExhibitionInput(MainLanguage, titles, intros, Slug, eventId, itemId, EventGiven: true), "Saved.", "About");
    }

    /// <summary>The captions as typed, and one piece moved or removed (<paramref name="move"/>: "{article}:up|down|remove").</summary>
    public async Task<IActionResult> OnPostPiecesAsync(Guid id, string? move, CancellationToken ct)
    {
        var pieces = Pieces.Select(p => new PieceInput(p.ArticleId, p.Captions)).ToList();
        if (move?.Split(':') is [var article, var how] && Guid.TryParse(article, out var articleId) && pieces.FindIndex(p => p.ArticleId == articleId) is var at and >= 0)
        {
            var piece = pieces[at];
            pieces.RemoveAt(at);
            if (how != "remove")
            {
                pieces.Insert(Math.Clamp(how == "up" ? at - 1 : at + 1, 0, pieces.Count), piece);
            }
        }
        return await ChangeAsync(id, new ExhibitionInput(Pieces: pieces), "Saved.", "Pieces");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, Guid articleId, CancellationToken ct)
    {
        var current = await exhibitions.PiecesAsync(id, ct);
        if (current.Any(p => p.ArticleId == articleId))
        {
            TempData["Notice"] = "It is in the exhibition already.";
            return Redirect($"/staff/press/exhibitions/{id}#pieces");
        }
        var pieces = current.Select(p => new PieceInput(p.ArticleId, p.Captions!)).Append(new PieceInput(articleId)).ToList();
        // Adding is no edit of what others wrote: it goes on the exhibition as it now stands.
        return await ChangeAsync(id, new ExhibitionInput(Pieces: pieces), "Added at the end.", "Pieces", Q, checkVersion: false);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, bool publish, CancellationToken ct) =>
        ChangeAsync(id, new ExhibitionInput(Published: publish), publish ? "Published: it is on the website." : "Taken down from the website.", "About");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await exhibitions.DeleteAsync(await scope.FindAsync(db.Exhibitions.AsTracking().Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct), ct);
        TempData["Notice"] = "The exhibition is deleted; its articles stay in the archive.";
        return Redirect("/staff/press/exhibitions");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, ExhibitionInput input, string done, string section, string? q = null, bool checkVersion = true)
    {
        var ct = HttpContext.RequestAborted;
        var exhibition = await scope.FindAsync(db.Exhibitions.AsTracking().Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        try
        {
            await exhibitions.UpdateAsync(exhibition, input, checkVersion ? Version : null, ct);
            TempData["Notice"] = done;
            return Redirect($"/staff/press/exhibitions/{id}{(q is null ? "" : "?q=" + Uri.EscapeDataString(q))}#{section.ToLowerInvariant()}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            db.ChangeTracker.Clear();
            // What was typed stays in the form (a conflict shows the exhibition as it now is).
            await LoadAsync(id, posted: e.Kind != DomainErrorKind.Conflict, ct);
            return Page();
        }
    }

    /// <param name="posted">Whether the forms show what was posted (a refused save) rather than what is stored.</param>
    private async Task LoadAsync(Guid id, bool posted, CancellationToken ct)
    {
        Exhibition = await scope.FindAsync(db.Exhibitions.Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        Shown = await exhibitions.ShowAsync(Exhibition, Exhibition.Language, ct);
        var x = Exhibition;
        if (!posted || Texts.Count == 0)
        {
            Texts = [.. x.Titles.Keys.OrderBy(k => k == x.Language ? 0 : 1).Select(k => new LanguageText { Language = k, Title = x.Titles[k], Intro = x.Intros.GetValueOrDefault(k) })];
            (MainLanguage, Slug) = (x.Language, x.Slug);
            ShownAt = x.ProgrammeItemId is { } item ? $"p:{item}" : x.EventId is { } ev ? $"e:{ev}" : "";
        }
        if (!posted || Pieces.Count == 0)
        {
            Pieces = [.. Shown.Pieces.Select(p => new PieceForm { ArticleId = p.Article.Id, Captions = p.Captions.ToDictionary(c => c.Key, c => (string?)c.Value) })];
        }
        Version = x.Version;
        ModelState.Remove(nameof(Version));
        var inIt = Shown.Pieces.Select(p => p.Article.Id).ToHashSet();
        Found = [.. (await archive.Search(new PressFilter(Q)).Where(a => a.MissionId == x.MissionId).Take(60).ToListAsync(ct)).Where(a => !inIt.Contains(a.Id)).Take(30)];
        // The newest events, and the one it is linked to however old.
        var events = await db.Events.AsNoTracking().Where(e => e.MissionId == x.MissionId).OrderByDescending(e => e.StartsAtLocal).Take(40).ToListAsync(ct);
        if (x.EventId is { } linked && events.All(e => e.Id != linked) && await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == linked, ct) is { } old)
        {
            events.Add(old);
        }
        var eventIds = events.Select(e => e.Id).ToList();
        var items = (await db.ProgrammeItems.AsNoTracking().Where(p => eventIds.Contains(p.EventId)).OrderBy(p => p.SortOrder).ToListAsync(ct)).ToLookup(p => p.EventId);
        Events = [.. events.Select(e => (e, items[e.Id].ToList()))];
        if (x.Published && await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == x.MissionId, ct) is { } mission)
        {
            PublicAddress = $"{HttpContext.RequestServices.GetRequiredService<Infrastructure.PublicUrls>().SiteOf(mission)}/exhibitions/{x.Slug}";
        }
    }
}
