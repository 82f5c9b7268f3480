using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Audit;

public sealed class IndexModel(ChanceryDb db, MissionScope scope) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Users { get; private set; } = [];
    public bool HasMore { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync()
    {
        var mission = await db.Missions.SingleAsync(m => m.Id == scope.Current!.MissionId);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(mission.TimeZone);
        EntityTypes = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync();
        Users = (await db.AuditEntries.Where(a => a.UserId != null).Select(a => new { a.UserId, a.UserName }).Distinct().ToListAsync())
            .Select(u => (u.UserId!.Value, u.UserName)).DistinctBy(u => u.Item1).OrderBy(u => u.Item2).ToList();

        // Dates are read in the mission's own time zone, as the office thinks of them.
        var q = AuditQuery.Filter(db.AuditEntries, EntityType, EntityId, UserId, StartOfDay(From), StartOfDay(To?.AddDays(1)));
        PageNumber = Math.Max(1, PageNumber);
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }

    private DateTimeOffset? StartOfDay(DateOnly? day)
    {
        if (day is not { } d)
        {
            return null;
        }
        var local = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public string PageLink(int page) =>
        Url.Page("Index", new { EntityType, EntityId, UserId, From, To, p = page })!;
}
