using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages;

public sealed class IndexModel(ChanceryDb db, MissionScope scope) : PageModel
{
    public Mission Mission { get; private set; } = null!;
    public int ActiveMembers { get; private set; }
    public IReadOnlyList<AuditEntry> RecentChanges { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync()
    {
        var current = scope.Current!;
        Mission = await db.Missions.SingleAsync(m => m.Id == current.MissionId);
        ActiveMembers = await db.Memberships.CountAsync(m => m.DisabledAt == null);
        IsAdmin = scope.Can(current.MissionId, MissionRole.Admin);
        if (IsAdmin)
        {
            RecentChanges = await db.AuditEntries.OrderByDescending(a => a.At).Take(8).ToListAsync();
        }
    }
}
