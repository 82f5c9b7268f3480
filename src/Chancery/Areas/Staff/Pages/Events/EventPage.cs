using Chancery.Data;
using Chancery.Domain.Events;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// What every page of one event starts from: the event, read once per request. An event of another mission is
/// not found (the mission filter on <see cref="ChanceryDb"/>), so those pages answer 404.
/// </summary>
public abstract class EventPage(ChanceryDb db) : PageModel
{
    public Event Event { get; private set; } = null!;

    protected ChanceryDb Db => db;

    protected async Task<bool> LoadEventAsync(Guid id)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return false;
        }
        Event = e;
        return true;
    }
}
