using Chancery.Data;
using Chancery.Domain.Events;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

public sealed class IndexModel(ChanceryDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, EventKind Kind, DateTime StartsAtLocal, string TimeZone, string Venue, EventStatus Status, int Guests);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var rows = await db.Events.OrderBy(e => e.StartsAtUtc)
            .Select(e => new { Row = new Row(e.Id, e.Title, e.Kind, e.StartsAtLocal, e.TimeZone, e.Venue, e.Status, db.Guests.Count(g => g.EventId == e.Id)), e.StartsAtUtc })
            .ToListAsync();
        Upcoming = [.. rows.Where(r => r.StartsAtUtc >= now.AddHours(-12)).Select(r => r.Row)];
        Past = [.. rows.Where(r => r.StartsAtUtc < now.AddHours(-12)).Select(r => r.Row).Reverse()];
    }
}
