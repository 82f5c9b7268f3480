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
        await LoadAsync(id, ct);
        Texts = [.. Exhibition.Titles.Keys.Select(k => new LanguageText { Language = k, Title = Exhibition.Titles[k], Intro = Exhibition.Intros.GetValueOrDefault(k) })];
        (MainLanguage, Slug) = (Exhibition.Language, Exhibition.Slug);
        ShownAt = Exhibition.ProgrammeItemId is { } item ? $"p:{item}" : Exhibition.EventId is { } ev ? $"e:{ev}" : "";
        return Page();
    }

    public Task<IActionResult> OnPostAboutAsync(Guid id, CancellationToken ct)
    {
        var texts = Texts.Where(t => !string.IsNullOrWhiteSpace(t.Language)).ToList();
        var (eventId, itemId) = ShownAt switch
        {
            ['e', ':', .. var e] when Guid.TryParse(e, out var ev) => ((Guid?)ev, (Guid?)null),
            ['p', ':', .. var p] when Guid.TryParse(p, out var item) => (null, item),
            _ => (null, null),
        };
        return ChangeAsync(id, new ExhibitionInput(MainLanguage, texts.ToDictionary(t => t.Language!.Trim(), t => t.Title), texts.ToDictionary(t => t.Language!.Trim(), t => t.Intro),
            Slug, eventId, itemId, EventGiven: true), "Saved.", "About");
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
        var pieces = current.Select(p => new PieceInput(p.ArticleId, p.Captions!)).Append(new PieceInput(articleId)).ToList();
        return await ChangeAsync(id, new ExhibitionInput(Pieces: pieces), "Added at the end.", "Pieces", Q);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, bool publish, CancellationToken ct) =>
        ChangeAsync(id, new ExhibitionInput(Published: publish), publish ? "Published: it is on the website." : "Taken down from the website.", "About");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await exhibitions.DeleteAsync(await scope.FindAsync(db.Exhibitions.AsTracking().Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct), ct);
        TempData["Notice"] = "The exhibition is deleted; its articles stay in the archive.";
        return Redirect("/staff/press/exhibitions");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, ExhibitionInput input, string done, string section, string? q = null)
    {
        var ct = HttpContext.RequestAborted;
        var exhibition = await scope.FindAsync(db.Exhibitions.AsTracking().Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        try
        {
            await exhibitions.UpdateAsync(exhibition, input, ct);
            TempData["Notice"] = done;
            return Redirect($"/staff/press/exhibitions/{id}{(q is null ? "" : "?q=" + Uri.EscapeDataString(q))}#{section.ToLowerInvariant()}");
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Invalid or DomainErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, "");
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Exhibition = await scope.FindAsync(db.Exhibitions.Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        Shown = await exhibitions.ShowAsync(Exhibition, Exhibition.Language, ct);
        var inIt = Shown.Pieces.Select(p => p.Article.Id).ToHashSet();
        Found = [.. (await archive.Search(new PressFilter(Q)).Where(a => a.MissionId == Exhibition.MissionId).Take(60).ToListAsync(ct)).Where(a => !inIt.Contains(a.Id)).Take(30)];
        var events = await db.Events.AsNoTracking().Where(e => e.MissionId == Exhibition.MissionId).OrderByDescending(e => e.StartsAtLocal).Take(40).ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToList();
        var items = (await db.ProgrammeItems.AsNoTracking().Where(p => eventIds.Contains(p.EventId)).OrderBy(p => p.SortOrder).ToListAsync(ct)).ToLookup(p => p.EventId);
        Events = [.. events.Select(e => (e, items[e.Id].ToList()))];
        if (Exhibition.Published && await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Exhibition.MissionId, ct) is { } mission)
        {
            PublicAddress = $"{Chancery.Pages.Public.News.NewsEndpoints.SiteOf(mission, Request)}/exhibitions/{Exhibition.Slug}";
        }
    }
}
