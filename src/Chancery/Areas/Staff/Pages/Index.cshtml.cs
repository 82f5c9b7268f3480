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

    /// <summary>What a new mission still lacks, in the order it is best done; empty once it is under way.</summary>
    public IReadOnlyList<(string What, string Link)> NextSteps { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var current = scope.Current!;
        Mission = await db.Missions.SingleAsync(m => m.Id == current.MissionId);
        ActiveMembers = await db.Memberships.CountAsync(m => m.DisabledAt == null);
        IsAdmin = scope.Can(current.MissionId, MissionRole.Admin);
        var steps = new List<(string, string)>();
        if (IsAdmin && Mission.Name == Domain.Users.FirstStart.DefaultMissionName)
        {
            steps.Add(("Give the mission its name, country and time zone", "/staff/missions#mission-settings"));
        }
        if (scope.Can(current.MissionId, MissionRole.Protocol))
        {
            if (!await db.Contacts.AnyAsync())
            {
                steps.Add(("Import the diplomatic list, or add the first people", "/staff/contacts/import"));
            }
            if (!await db.Events.AnyAsync())
            {
                steps.Add(("Create the first event", "/staff/events/edit"));
            }
        }
        NextSteps = steps;
        if (IsAdmin)
        {
            RecentChanges = await db.AuditEntries.OrderByDescending(a => a.At).Take(8).ToListAsync();
        }
    }
}
