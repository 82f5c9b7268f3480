using Chancery.Data;
using Chancery.Domain.Door;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// Arrivals as they happen, for the protocol officer: counts by category against those expected, the heads of
/// mission arrived and still expected in order of precedence (for the receiving line), the latest arrivals. Read
/// from the database each time, so every app server shows the same; the page refreshes itself every two seconds.
/// </summary>
public sealed class ArrivalsModel(ChanceryDb db, Arrivals arrivals, GuestList guestList) : EventPage(db)
{
    public Arrivals.Summary Summary { get; private set; } = null!;
    /// <summary>Heads of mission who accepted (or have not answered), in order of precedence, and whether they are in.</summary>
    public IReadOnlyList<(Guest Guest, bool In)> HeadsOfMission { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        Summary = await arrivals.ForAsync(id);
        var ranked = await guestList.RankedAsync(Event.MissionId, id);
        HeadsOfMission = [.. ranked.Where(r => r.Guest.Contact!.HeadOfMissionClass is not null && (GuestCounts.MayCome(r.Guest) || r.Guest.CheckedInAt is not null))
            .Select(r => (r.Guest, r.Guest.CheckedInAt is not null))];
        return Page();
    }
}
