using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press;

/// <summary>The press archive: find any article in any script, filter, see the counts by month and country, export.</summary>
public sealed class IndexModel(PressArchive archive, MissionScope scope, Chancery.Data.ChanceryDb db) : PressFilterPage
{
    /// <summary>The mission's events to filter by, newest first.</summary>
    public IReadOnlyList<(Guid Id, string Title, DateTime StartsAt)> Events { get; private set; } = [];

    public IReadOnlyList<PressArticle> Articles { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(string Month, int Count)> ByMonth { get; private set; } = [];
    public IReadOnlyList<(string Country, int Count)> ByCountry { get; private set; } = [];
    /// <summary>The same filters, for the workbook's link.</summary>
    public string ExportLink => "/staff/press" + (Request.QueryString.HasValue ? Request.QueryString.Value + "&" : "?") + "handler=Export";

    private IQueryable<PressArticle> Found()
    {
        var mission = scope.Current!.MissionId;
        return archive.Search(Filter).Where(a => a.MissionId == mission);
    }

    public async Task<FileContentResult> OnGetExportAsync(CancellationToken ct) =>
        File(PressArchive.Workbook(await Found().Take(PressArchive.MaxExport).ToListAsync(ct)), PressArchive.WorkbookType, "press-coverage.xlsx");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = Found();
        var counts = await found.Select(a => new { a.Country, a.PublishedOn }).ToListAsync(ct);
        Total = counts.Count;
        ByMonth = [.. counts.Where(a => a.PublishedOn is not null).GroupBy(a => a.PublishedOn!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];
        ByCountry = [.. counts.GroupBy(a => a.Country ?? "—").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(12).Select(g => (g.Key, g.Count()))];
        Articles = await found.Take(200).ToListAsync(ct);
        var mission = scope.Current!.MissionId;
        Events = [.. (await db.Events.AsNoTracking().Where(e => e.MissionId == mission).OrderByDescending(e => e.Id == EventId).ThenByDescending(e => e.StartsAtLocal).Take(100)
            .Select(e => new { e.Id, e.Title, e.StartsAtLocal }).ToListAsync(ct)).Select(e => (e.Id, e.Title, e.StartsAtLocal))];
    }
}
