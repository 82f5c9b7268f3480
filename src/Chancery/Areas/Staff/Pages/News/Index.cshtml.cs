using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.News;

/// <summary>
/// The press office's desk: its items by state, and the shortest way to a news item — pick the event and the
/// language, and the draft is written from what the event holds (<see cref="NewsDraft"/>).
/// </summary>
public sealed class IndexModel(ChanceryDb db, NewsDrafts drafts, MissionScope scope) : PageModel
{
    public IReadOnlyList<NewsItem> Items { get; private set; } = [];
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = NewsWords.Shipped;
    [BindProperty(SupportsGet = true)]
    public Guid? EventId { get; set; }

    /// <summary>The current mission's zone: times on the page are its wall clock, as its staff read them.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDraftAsync(Guid eventId, string? language, CancellationToken ct)
    {
        try
        {
            var item = await drafts.StartAsync(eventId, language ?? "en", ct);
            TempData["Notice"] = "The draft is written from the event: read it, write what only you can, then submit it.";
            return Redirect($"/staff/news/edit/{item.Id}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            EventId = eventId;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mission = scope.Current!.MissionId;
        var zone = await db.Missions.Where(m => m.Id == mission).Select(m => m.TimeZone).FirstOrDefaultAsync(ct);
        Zone = zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var z) ? z : TimeZoneInfo.Utc;
        Items = await db.NewsItems.AsNoTracking().Where(n => n.MissionId == mission)
            .OrderBy(n => n.State == NewsState.Withdrawn).ThenByDescending(n => n.UpdatedAt).Take(200).ToListAsync(ct);
        // The events a news item is written about: the latest first (one may be written ahead, to be filled in on the
        // evening), and always the one the event's page sent here for.
        var events = await db.Events.AsNoTracking().Where(e => e.MissionId == mission).OrderByDescending(e => e.StartsAtUtc).Take(50).ToListAsync(ct);
        if (EventId is { } wanted && events.All(e => e.Id != wanted) && await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == wanted && e.MissionId == mission, ct) is { } asked)
        {
            events.Insert(0, asked);
        }
        Events = events;
        var missionLanguage = await db.Missions.AsNoTracking().Where(m => m.Id == mission).Select(m => m.Language).FirstOrDefaultAsync(ct);
        Languages = [.. NewsWords.Shipped.Concat(missionLanguage is null ? [] : [missionLanguage]).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
