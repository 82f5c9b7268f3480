using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Reports;

/// <summary>The report and the guest list as files for the office (XLSX and CSV), formula-safe, times in the event's own zone.</summary>
public static class ReportExport
{
    public static readonly string[] GuestColumns = ["Name", "Organization", "Country", "Category", "Answer", "Walk-in", "Checked in", "Station", "Plus-ones admitted"];

    /// <summary>Every guest of the event, walk-ins included, in the order of the list's names.</summary>
    public static async Task<List<string?[]>> GuestRowsAsync(ChanceryDb db, Event e, CancellationToken ct = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
        var guests = await db.Guests.AsNoTracking().Where(g => g.EventId == e.Id)
            .Include(g => g.Contact!).ThenInclude(c => c.Organization)
            .Include(g => g.Contact!).ThenInclude(c => c.Category)
            .ToListAsync(ct);
        var companions = (await db.Admissions.AsNoTracking().Where(a => a.EventId == e.Id && a.Companion > 0).Select(a => a.GuestId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(x => x.Key, x => x.Count());
        return guests.Select(g => new[]
            {
                g.Contact!.ErasedAt is null ? g.Contact.DisplayName : EventReport.Erased, g.Contact.Organization?.Name, g.Contact.Organization?.Country, g.Contact.Category?.Name,
                g.Rsvp.ToString(), g.WalkIn ? "yes" : null,
                g.CheckedInAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
                g.CheckedInBy, companions.TryGetValue(g.Id, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null,
            })
            .OrderBy(r => r[0], StringComparer.CurrentCulture).ToList();
    }

    public static byte[] Xlsx(EventReport report, List<string?[]> guests)
    {
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        string? Rate(double? r) => r?.ToString("P1", CultureInfo.InvariantCulture);
        string?[][] summary =
        [
            ["Event", report.Title], ["Date (UTC)", report.StartsAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
            ["Invited", Number(report.Invited)], ["Accepted", Number(report.Accepted)], ["Declined", Number(report.Declined)],
            ["Pending", Number(report.Pending)], ["Of which on the waiting list", Number(report.Waitlisted)], ["Attended", Number(report.Attended)],
            ["Walk-ins", Number(report.WalkIns)], ["Plus-ones admitted", Number(report.Companions)], ["No-shows", Number(report.NoShows)],
            ["Response rate", Rate(report.ResponseRate)], ["Attendance rate", Rate(report.AttendanceRate)],
            .. report.Previous is { } p
                ? new string?[][] { ["Previous of its kind", $"{p.Title} ({p.StartsAtUtc:yyyy-MM-dd})"], ["Previous: invited", Number(p.Invited)], ["Previous: attended", Number(p.Attended)] }
                : [],
        ];
        return Spreadsheet.Xlsx(
            ("Summary", ["Figure", "Value"], summary),
            ("By category", ["Category", "Invited", "Accepted", "Attended"],
                report.ByCategory.Select(c => new[] { c.Category, Number(c.Invited), Number(c.Accepted), Number(c.Attended) })),
            ("Missions represented", ["Organization", "Country", "Level", "Attendees"],
                report.MissionsRepresented.Select(m => new[] { m.Organization, m.Country, m.Level.ToString(), string.Join("; ", m.Attendees.Select(a => a.Name)) })),
            ("No-shows", ["Name", "Organization", "Level"], report.NoShowGuests.Select(p => new[] { p.Name, p.Organization, p.Level.ToString() })),
            ("Guests", GuestColumns, guests));
    }
}
