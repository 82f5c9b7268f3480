using Chancery.Data;
using Chancery.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// The evening after, for the head of mission and the press office (docs/events.md §8): who was asked, who answered,
/// who came, by category and by mission, against the previous event of its kind; the chart drawn on the server as
/// SVG, so it prints and a screen reader has its figures (the same numbers stand in a table under it).
/// </summary>
public sealed class ReportModel(ChanceryDb db, Domain.Guests.GuestList list) : EventPage(db)
{
    public EventReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        Report = await EventReport.BuildAsync(Db, list, Event, ct);
        return Page();
    }

    /// <summary>The workbook, for the officer signed in on the staff pages (the API's address wants a bearer token).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) => await DownloadAsync(id, ReportExport.WorkbookAsync, ct);

    /// <summary>The guest list as CSV, likewise.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct) => await DownloadAsync(id, ReportExport.GuestCsvAsync, ct);

    private async Task<IActionResult> DownloadAsync(Guid id, Func<ChanceryDb, Domain.Guests.GuestList, Domain.Events.Event, CancellationToken, Task<ReportExport.Download>> make, CancellationToken ct)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var file = await make(Db, list, Event, ct);
        return File(file.Bytes, file.ContentType, file.Name);
    }

    public static string Percent(double? rate) => rate is { } r ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r * 100:0}%") : "—";
}
