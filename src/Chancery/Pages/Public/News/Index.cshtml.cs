using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Chancery.Pages.Public.News;

/// <summary>API.md's <c>GET /news</c>: the mission's published items, newest first, each story once (in the language asked for where it has one).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = NewsCache.Policy)]
public sealed class IndexModel(PublicNews reader, MissionScope scope) : PageModel
{
    public Mission Mission { get; private set; } = null!;
    public IReadOnlyList<PublicNews.Entry> Entries { get; private set; } = [];
    public bool More { get; private set; }
    public string Root { get; private set; } = "";
    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (scope.Kind != ScopeKind.Public || await reader.MissionAsync(ct) is not { } mission)
        {
            return NotFound();
        }
        Mission = mission;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Language = Language is { Length: > 0 and <= 40 } l && Domain.Contacts.ContactRules.IsLanguageTag(l) ? l : null;
        (Entries, More) = await reader.ListAsync(Language, PageNumber, ct);
        Root = NewsEndpoints.Root(HttpContext);
        return Page();
    }
}
