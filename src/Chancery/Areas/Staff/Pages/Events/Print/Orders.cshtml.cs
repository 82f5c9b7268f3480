using Chancery.Data;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>The sheet the chief of protocol holds: receiving line, wreath-laying and speaking order.</summary>
public sealed class OrdersModel(ChanceryDb db, TimeProvider clock, GuestList guestList) : PrintPage(db, clock)
{
    public CeremonyOrders Orders { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        Orders = await CeremonyOrders.ReadAsync(Db, guestList, Event);
        return Page();
    }
}
