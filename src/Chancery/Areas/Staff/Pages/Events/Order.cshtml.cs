using Chancery.Data;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>Receiving line, wreath-laying and speaking order, each with the reason for every place.</summary>
public sealed class OrderModel(ChanceryDb db, GuestList guestList) : EventPage(db)
{
    public PrecedenceSettings Settings { get; private set; } = null!;
    public CeremonyOrders Orders { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        Settings = await guestList.SettingsAsync(Event.MissionId);
        Orders = await CeremonyOrders.ReadAsync(Db, guestList, Event);
        return Page();
    }
}
