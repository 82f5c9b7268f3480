using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Domain.Press;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Pages.Public.Exhibitions;

/// <summary>The mission's published exhibitions, newest first: where a reader finds them from the mission's pages.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = NewsCache.Policy)]
public sealed class IndexModel(ChanceryDb db, MissionScope scope, PublicNews news) : PageModel
{
    public Mission Mission { get; private set; } = null!;
    public IReadOnlyList<Exhibition> Exhibitions { get; private set; } = [];
    public string Root { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (scope.Kind != ScopeKind.Public || await news.MissionAsync(ct) is not { } mission)
        {
            return NotFound();
        }
        Mission = mission;
        Root = (HttpContext.Features.Get<Infrastructure.PublicAddresses.Root>()?.Prefix ?? $"/m/{mission.Slug}") + "/exhibitions";
        Exhibitions = await db.Exhibitions.AsNoTracking().Where(x => x.Published).OrderByDescending(x => x.PublishedAt).Take(100).ToListAsync(ct);
        return Page();
    }
}
