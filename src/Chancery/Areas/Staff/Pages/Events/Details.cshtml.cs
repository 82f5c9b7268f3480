using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>An event at a glance: its facts, its run of show, its guest counts, and the way to every list and print.</summary>
public sealed class DetailsModel(ChanceryDb db, GuestList guestList, MissionScope scope) : PageModel
{
    public Event Event { get; private set; } = null!;
    public IReadOnlyList<ProgrammeItem> Programme { get; private set; } = [];
    public IReadOnlyList<Guest> Guests { get; private set; } = [];
    public GuestCounts Counts { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public int Seated { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return NotFound();
        }
        Event = e;
        CanEdit = scope.Can(e.MissionId, MissionRole.Protocol);
        Programme = await db.ProgrammeItems.Where(p => p.EventId == id).OrderBy(p => p.SortOrder).AsNoTracking().ToListAsync();
        Guests = await guestList.ReadAsync(e.MissionId, id, byPrecedence: true);
        Counts = GuestCounts.Of(Guests);
        Seated = await db.SeatAssignments.CountAsync(s => s.EventId == id);
        return Page();
    }
}
