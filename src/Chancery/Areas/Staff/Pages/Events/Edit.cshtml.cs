using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>Creates an event (in the current mission's time zone by default) or changes one.</summary>
public sealed class EditModel(ChanceryDb db, EventEditor editing, MissionScope scope, TimeProvider clock) : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();
    /// <summary>The invitation languages as typed: "en, fr, ar".</summary>
    [BindProperty] public string? LanguagesText { get; set; }
    /// <summary>The host selects as posted: a contact id each, or empty for nobody.</summary>
    [BindProperty] public List<string?> HostPicks { get; set; } = [];
    /// <summary>The mission's language, which an event without languages of its own sends in.</summary>
    public string MissionLanguage { get; private set; } = InvitationLanguages.Fallback;
    public Guid? Id { get; private set; }
    /// <summary>People who may host: the mission's own staff (its country's), with whoever hosts already.</summary>
    public IReadOnlyList<Domain.Contacts.Contact> HostChoices { get; private set; } = [];

    /// <summary>IANA zone names for the form's suggestions.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        await LoadMissionLanguageAsync();
        if (id is null)
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == scope.Current!.MissionId);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(mission.TimeZone);
            // A sensible start: four weeks from today, at 18:00 on the mission's clock.
            var day = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Date.AddDays(28);
            Input = new EventInput { TimeZone = mission.TimeZone, StartsAt = EventSchedule.Format(day.AddHours(18)), Kind = nameof(EventKind.Reception), Status = nameof(EventStatus.Draft) };
            return Page();
        }
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } existing)
        {
            return NotFound();
        }
        Id = id;
        Input = EventInput.From(existing);
        LanguagesText = string.Join(", ", existing.Languages);
        await LoadMissionLanguageAsync();
        return Page();
    }

    private async Task LoadMissionLanguageAsync()
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == scope.Current!.MissionId);
        MissionLanguage = mission.Language ?? InvitationLanguages.Fallback;
        var chosen = Input.HostIds ?? [];
        HostChoices = await db.Contacts.AsNoTracking().Include(c => c.Organization)
            .Where(c => c.MissionId == mission.Id && c.ErasedAt == null
                && (chosen.Contains(c.Id) || (mission.Country != null && c.Organization != null && c.Organization.Country == mission.Country)))
            .OrderBy(c => c.SortName).Take(300).ToListAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        // The host selects post an empty value for "nobody"; the office speaks when no one is chosen.
        Input.HostIds = [.. HostPicks.Select(p => Guid.TryParse(p, out var h) ? h : Guid.Empty).Where(h => h != Guid.Empty)];
        await LoadMissionLanguageAsync();
        Input.Languages = [.. (LanguagesText ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        Input.RegretsOnly ??= false; // an unticked box posts nothing
        Event saved;
        try
        {
            if (id is null)
            {
                saved = await editing.CreateAsync(scope.Current!.MissionId, Input);
            }
            else
            {
                saved = await scope.FindAsync(db.Events.AsTracking().Where(e => e.Id == id), "event", [MissionRole.Protocol]);
                await editing.UpdateAsync(saved, Input);
            }
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
            return Page();
        }
        TempData["Notice"] = id is null ? "Event created. Add its programme and guests next." : "Saved.";
        return Redirect($"/staff/events/{saved.Id}");
    }
}
