using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>An event at a glance: its facts, its run of show, and who is invited in order of precedence.</summary>
public sealed class DetailsModel(ChanceryDb db, GuestList guestList) : PageModel
{
    public Event Event { get; private set; } = null!;
    public IReadOnlyList<ProgrammeItem> Programme { get; private set; } = [];
    public IReadOnlyList<Guest> Guests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return NotFound();
        }
        Event = e;
        Programme = await db.ProgrammeItems.Where(p => p.EventId == id).OrderBy(p => p.SortOrder).AsNoTracking().ToListAsync();
        Guests = await guestList.ReadAsync(e.MissionId, id, byPrecedence: true, new PrecedenceSettings());
        return Page();
    }
}
