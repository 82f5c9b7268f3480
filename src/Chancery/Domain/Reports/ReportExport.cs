using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Reports;

/// <summary>The report and the guest list as files for the office (XLSX and CSV), formula-safe, times in the event's own zone.</summary>
public static class ReportExport
{
    /// <summary>A file to download: its bytes, content type and name.</summary>
    public sealed record Download(byte[] Bytes, string ContentType, string Name);

    /// <summary>The report and the guest list as a workbook: what the API and the report page both give.</summary>
    public static async Task<Download> WorkbookAsync(ChanceryDb db, GuestList list, Event e, CancellationToken ct = default)
    {
        var report = await EventReport.BuildAsync(db, list, e, ct);
        return new(Xlsx(e, report, await GuestRowsAsync(db, list, e, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(e, "report", "xlsx"));
    }

    /// <summary>The guest list with answers and check-ins as CSV.</summary>
    public static async Task<Download> GuestCsvAsync(ChanceryDb db, GuestList list, Event e, CancellationToken ct = default) =>
        new(Contacts.Spreadsheet.Csv(GuestColumns, await GuestRowsAsync(db, list, e, ct)), "text/csv; charset=utf-8", FileName(e, "guests", "csv"));

    public static readonly string[] GuestColumns = ["Name", "Organization", "Country", "Category", "Answer", "Walk-in", "Checked in", "Station", "Plus-ones admitted"];

    /// <summary>
    /// Every guest of the event, walk-ins included, filed by family name as the door list is; an erased person's row
    /// says only how they answered and whether they came.
    /// </summary>
    public static async Task<List<string?[]>> GuestRowsAsync(ChanceryDb db, GuestList list, Event e, CancellationToken ct = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
        var guests = await list.ReadAsync(e.MissionId, e.Id, byPrecedence: false, ct);
        var companions = (await db.Admissions.AsNoTracking().Where(a => a.EventId == e.Id && a.Companion > 0).Select(a => a.GuestId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(x => x.Key, x => x.Count());
        return [.. guests.Select(g => g.Contact!.ErasedAt is null
            ? new[]
            {
                g.Contact.DisplayName, g.Contact.Organization?.Name, g.Contact.Organization?.Country, g.Contact.Category?.Name,
                g.Rsvp.ToString(), g.WalkIn ? "yes" : null,
                g.CheckedInAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
                g.CheckedInBy, companions.TryGetValue(g.Id, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null,
            }
            : [EventReport.Erased, null, null, null, g.Rsvp.ToString(), null, g.CheckedInAt is null ? null : "yes", null, null])];
    }

    /// <summary>A file's name for the event: its local date, as the office would say it.</summary>
    public static string FileName(Event e, string what, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}-{e.StartsAtLocal:yyyy-MM-dd}.{extension}");

    private static string Words(Representation level) => level switch
    {
        Representation.HeadOfMission => "Head of mission",
        Representation.Deputy => "Deputy",
        _ => "Staff",
    };

    /// <summary>The report's sheets; counts as numbers and rates as fractions (to sum and chart in the workbook).</summary>
    public static byte[] Xlsx(Event e, EventReport report, List<string?[]> guests)
    {
        static object Number(int n) => n;
        static object? Rate(double? r) => r;
        object?[][] summary =
        [
            ["Event", report.Title], ["Date", e.StartsAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + e.TimeZone],
            ["Invited", Number(report.Invited)], ["Accepted", Number(report.Accepted)], ["Declined", Number(report.Declined)],
            ["Pending", Number(report.Pending)], ["Of which on the waiting list", Number(report.Waitlisted)], ["Attended", Number(report.Attended)],
            ["Walk-ins", Number(report.WalkIns)], ["Plus-ones admitted", Number(report.Companions)], ["No-shows", Number(report.NoShows)],
            ["Response rate", Rate(report.ResponseRate)], ["Attendance rate", Rate(report.AttendanceRate)],
            .. report.Previous is { } p
                ? new object?[][] { ["Previous of its kind", string.Create(CultureInfo.InvariantCulture, $"{p.Title} ({p.StartsAtLocal:yyyy-MM-dd})")], ["Previous: invited", Number(p.Invited)], ["Previous: attended", Number(p.Attended)] }
                : [],
        ];
        return Spreadsheet.Xlsx(
            ("Summary", ["Figure", "Value"], summary),
            ("By category", ["Category", "Invited", "Accepted", "Attended"],
                report.ByCategory.Select(c => new object?[] { c.Category, Number(c.Invited), Number(c.Accepted), Number(c.Attended) })),
            ("Missions represented", ["Organization", "Country", "Level", "Attendees"],
                report.MissionsRepresented.Select(m => new object?[] { m.Organization, m.Country, Words(m.Level), string.Join("; ", m.Attendees.Select(a => a.Name)) })),
            ("No-shows", ["Name", "Organization", "Level"], report.NoShowGuests.Select(p => new object?[] { p.Name, p.Organization, p.Level is { } level ? Words(level) : null })),
            ("Guests", GuestColumns, guests));
    }
}
