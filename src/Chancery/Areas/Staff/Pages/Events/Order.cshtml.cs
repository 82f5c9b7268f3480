using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>Receiving line, wreath-laying and speaking order, each with the reason for every place.</summary>
public sealed class OrderModel(ChanceryDb db, GuestList guestList) : PageModel
{
    public Event Event { get; private set; } = null!;
    public PrecedenceSettings Settings { get; private set; } = null!;
    public CeremonyOrders Orders { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return NotFound();
        }
        Event = e;
        Settings = await guestList.SettingsAsync(e.MissionId);
        Orders = await CeremonyOrders.ReadAsync(db, guestList, e);
        return Page();
    }
}
