using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>Next year's national day from this year's: the facts and run of show, and if asked the same guests.</summary>
public sealed class CopyModel(ChanceryDb db, EventEditor editing) : EventPage(db)
{
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public bool WithGuests { get; set; } = true;
    public int GuestCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        StartsAt = EventSchedule.Format(Event.StartsAtLocal.AddYears(1));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!EventSchedule.TryParseLocal(StartsAt, out var startsAt))
        {
            ModelState.AddModelError(nameof(StartsAt), $"'{StartsAt}' is not a date and time; pick one, e.g. {EventSchedule.Format(Event.StartsAtLocal.AddYears(1))}.");
            return Page();
        }
        try
        {
            var copy = await editing.CopyAsync(Event, startsAt, WithGuests);
            TempData["Notice"] = "Copied as a draft. Check the details and the programme times.";
            return Redirect($"/staff/events/{copy.Id}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return false;
        }
        GuestCount = await Db.Guests.CountAsync(g => g.EventId == id);
        return true;
    }
}
