using System.Globalization;

namespace Chancery.Domain.Events;

/// <summary>Reads an event's local time and zone and turns them into an instant, saying what is wrong when it cannot.</summary>
public static class EventSchedule
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public static bool TryParseLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>
    /// The UTC instant of a wall-clock time in an IANA zone, or the field at fault and why: an unknown zone
    /// (TimeZone) or a time the clocks skip (StartsAt).
    /// </summary>
    public static (DateTimeOffset? Utc, string? Field, string? Error) ToUtc(DateTime local, string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone))
        {
            return (null, nameof(Event.TimeZone), $"'{zoneId}' is not a time zone; use an IANA name such as Asia/Shanghai or Europe/Paris.");
        }
        if (zone.IsInvalidTime(local))
        {
            return (null, "StartsAt", $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip it.");
        }
        var offset = zone.GetUtcOffset(local);
        return (new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime(), null, null);
    }

    /// <summary>A wall-clock time as a person reads it; a date entered without a time reads as a date.</summary>
    public static string Show(DateTime local) =>
        local.ToString(local.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
