using Chancery.Data;
using Chancery.Domain.Events;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>What every print view of an event starts from: the event (404 outside the user's mission) and when it was printed.</summary>
public abstract class PrintPage(ChanceryDb db, TimeProvider clock) : PageModel
{
    public Event Event { get; private set; } = null!;
    /// <summary>The moment of printing on the venue's clock, so a sheet says how fresh it is.</summary>
    public DateTime PrintedAtLocal { get; private set; }

    protected ChanceryDb Db => db;

    protected async Task<bool> LoadEventAsync(Guid id)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return false;
        }
        Event = e;
        PrintedAtLocal = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone)).DateTime;
        ViewData["Back"] = $"/staff/events/{id}";
        return true;
    }
}
