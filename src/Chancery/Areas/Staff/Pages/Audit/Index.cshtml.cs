using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Audit;

public sealed class IndexModel(ChanceryDb db, MissionScope scope, AuditNames names) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Users { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>What each record on the page (and each record a change links to) is called, and where it is.</summary>
    public IReadOnlyDictionary<Guid, AuditName> Names { get; private set; } = new Dictionary<Guid, AuditName>();
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
        Total = await q.CountAsync();
        PageNumber = Chancery.Pages.Shared.Pager.Clamp(PageNumber, Total, PageSize);
        Entries = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Names = await names.ForAsync(Entries);
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

    // Keys the app derives for itself (search text, sort and matching keys) and the record's own ids: true, but
    // nothing a person reads in a history of changes.
    private static readonly HashSet<string> Derived = ["Id", "MissionId", "NameKey", "SortName", "SearchText", "NormalizedEmail", "NormalizedName", "KeysVersion"];

    /// <summary>The changes of an entry a person reads.</summary>
    public static IEnumerable<AuditChange> Shown(AuditEntry entry) => AuditChanges.Read(entry.Changes).Where(c => !Derived.Contains(c.Field));

    /// <summary>A record as a person calls it; its id only when it is gone.</summary>
    public AuditName? NameOf(string id) => Guid.TryParse(id, out var g) && Names.TryGetValue(g, out var name) ? name : null;

    public string PageLink(int page) =>
        Url.Page("Index", new { EntityType, EntityId, UserId, From, To, p = page })!;
}
