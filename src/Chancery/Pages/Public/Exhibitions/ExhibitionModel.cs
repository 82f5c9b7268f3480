using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Chancery.Pages.Public.Exhibitions;

/// <summary>
/// API.md's <c>GET /exhibitions/{slug}</c> and its two other forms (slideshow, posters): a published exhibition of
/// the mission whose address this is; an unpublished one, or another mission's, is not there.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = NewsCache.Policy)]
public abstract class ExhibitionModel(Domain.Press.Exhibitions exhibitions, MissionScope scope, PublicNews news) : PageModel
{
    public ExhibitionView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(string exhibition, CancellationToken ct)
    {
        if (scope.Kind != ScopeKind.Public || await news.MissionAsync(ct) is not { } mission
            || await exhibitions.PublishedAsync(exhibition, Language is { Length: <= 40 } l ? l : null, ct) is not { } shown)
        {
            return NotFound();
        }
        var root = HttpContext.Features.Get<PublicAddresses.Root>()?.Prefix ?? $"/m/{mission.Slug}";
        View = new ExhibitionView(shown, mission, $"{root}/exhibitions/{shown.Exhibition.Slug}", Staff: false);
        return Page();
    }
}

public sealed class ShowModel(Domain.Press.Exhibitions exhibitions, MissionScope scope, PublicNews news) : ExhibitionModel(exhibitions, scope, news);

public sealed class SlideshowModel(Domain.Press.Exhibitions exhibitions, MissionScope scope, PublicNews news) : ExhibitionModel(exhibitions, scope, news);

public sealed class PostersModel(Domain.Press.Exhibitions exhibitions, MissionScope scope, PublicNews news) : ExhibitionModel(exhibitions, scope, news);
