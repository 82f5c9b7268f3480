using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Pages.Public;

/// <summary>A mission's public home, the root of its guests' pages (invitation answers, news).</summary>
[AllowAnonymous]
public sealed class HomeModel(ChanceryDb db, MissionScope scope) : PageModel
{
    public Mission Mission { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        // The scope was set from the address; the filter shows this mission and no other.
        if (scope.Kind != ScopeKind.Public || await db.Missions.AsNoTracking().SingleOrDefaultAsync() is not { } mission)
        {
            return NotFound();
        }
        Mission = mission;
        return Page();
    }
}
