using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>An event at a glance: its facts, its run of show, its guest counts, and the way to every list and print.</summary>
public sealed class DetailsModel(ChanceryDb db, GuestList guestList, MissionScope scope) : EventPage(db)
{
    public IReadOnlyList<ProgrammeItem> Programme { get; private set; } = [];
    public IReadOnlyList<Guest> Guests { get; private set; } = [];
    public GuestCounts Counts { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public int Seated { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        CanEdit = scope.Can(Event.MissionId, MissionRole.Protocol);
        Programme = await Db.ProgrammeItems.Where(p => p.EventId == id).OrderBy(p => p.SortOrder).AsNoTracking().ToListAsync();
        Guests = await guestList.ReadAsync(Event.MissionId, id, byPrecedence: true);
        Counts = GuestCounts.Of(Guests);
        Seated = await Db.SeatAssignments.CountAsync(s => s.EventId == id);
        return Page();
    }
}
