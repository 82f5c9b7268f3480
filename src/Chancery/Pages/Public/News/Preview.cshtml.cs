using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages.Public.News;

/// <summary>
/// An item as it stands, for whoever holds its secret link (the press office sends it to someone outside before
/// publication). Never cached, never indexed; a revoked or published item's link finds nothing.
/// </summary>
[AllowAnonymous]
public sealed class PreviewModel(PublicNews reader, MissionScope scope) : PageModel
{
    public PublicNews.Article Article { get; private set; } = null!;
    public string Root { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (scope.Kind != ScopeKind.Public || await reader.PreviewAsync(token, ct) is not { } article)
        {
            return NotFound();
        }
        Article = article;
        Root = NewsEndpoints.Root(HttpContext);
        return Page();
    }
}
