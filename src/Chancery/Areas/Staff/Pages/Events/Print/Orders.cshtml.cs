using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>The sheet the chief of protocol holds: receiving line, wreath-laying and speaking order.</summary>
public sealed class OrdersModel(ChanceryDb db, TimeProvider clock, GuestList guestList) : PrintPage(db, clock)
{
    public IReadOnlyList<(Guest Guest, PrecedenceEntry Place)> ReceivingLine { get; private set; } = [];
    public IReadOnlyList<(Guest Guest, PrecedenceEntry Place)> Wreaths { get; private set; } = [];
    public IReadOnlyList<(ProgrammeItem Item, PrecedenceEntry? Place)> Speakers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var ranked = await guestList.RankedAsync(Event.MissionId, id);
        ReceivingLine = Ceremonies.ReceivingLine(ranked);
        Wreaths = Ceremonies.WreathLaying(ranked);
        var programme = await Db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == id).OrderBy(p => p.SortOrder).ToListAsync();
        Speakers = Ceremonies.SpeakingOrder(programme, ranked);
        return Page();
    }
}
