using Chancery.Data;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>What every print view of an event starts from: the event (404 outside the user's mission) and when it was printed.</summary>
public abstract class PrintPage(ChanceryDb db, TimeProvider clock) : EventPage(db)
{
    /// <summary>The moment of printing on the venue's clock, so a sheet says how fresh it is.</summary>
    public DateTime PrintedAtLocal { get; private set; }

    /// <summary>The event, with the moment of printing and the way back to the event.</summary>
    protected async Task<bool> LoadPrintAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return false;
        }
        PrintedAtLocal = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Event.TimeZone)).DateTime;
        ViewData["Back"] = $"/staff/events/{id}";
        return true;
    }
}
