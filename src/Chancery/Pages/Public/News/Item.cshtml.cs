using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Chancery.Pages.Public.News;

/// <summary>API.md's <c>GET /news/{slug}</c>: one item with its language switcher; a withdrawn one with its notice on top.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = NewsCache.Policy)]
public sealed class ItemModel(PublicNews reader, MissionScope scope, Domain.Press.Exhibitions exhibitions) : PageModel
{
    public PublicNews.Article Article { get; private set; } = null!;
    public string Root { get; private set; } = "";
    /// <summary>The event's published exhibitions (the seed's "photo exhibition of the articles"), linked from its news item.</summary>
    public IReadOnlyList<Domain.Press.Exhibition> Exhibitions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string item, CancellationToken ct)
    {
        if (scope.Kind != ScopeKind.Public || !NewsRules.IsSlug(item) || await reader.ArticleAsync(item, ct) is not { } article)
        {
            return NotFound();
        }
        Article = article;
        Root = NewsEndpoints.Root(HttpContext);
        if (article.Item is { State: NewsState.Published, EventId: { } eventId })
        {
            Exhibitions = await exhibitions.PublishedOfEventAsync(eventId, ct);
        }
        return Page();
    }
}
