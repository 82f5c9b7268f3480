using Chancery.Domain.Events;

namespace Chancery.Domain.Invitations;

/// <summary>
/// When guests may answer, on the venue's clock: until the end of the deadline's day (or the deadline's own hour
/// when it has one), and never once the event has begun.
/// </summary>
public static class RsvpWindow
{
    public static DateTime ClosesAtLocal(Event e)
    {
        var closes = e.RsvpByLocal is { } by ? (by.TimeOfDay == TimeSpan.Zero ? by.AddDays(1) : by) : e.StartsAtLocal;
        return closes < e.StartsAtLocal ? closes : e.StartsAtLocal;
    }

    /// <summary>The venue's wall clock now.</summary>
    public static DateTime LocalNow(Event e, DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone)).DateTime;

    public static bool IsClosed(Event e, DateTimeOffset now) => LocalNow(e, now) >= ClosesAtLocal(e);
}
