using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.Press;

/// <summary>A year's coverage from its links: the form, and each line's outcome (<see cref="LinkRounds"/>).</summary>
public sealed class LinksModel(LinkRounds rounds, MissionScope scope) : PageModel
{
    public const int MaxLinks = LinkRounds.MaxLinks;

    [BindProperty] public string? Links { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Tags { get; set; }

    public IReadOnlyList<LinkRounds.Outcome> Outcomes { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var missionId = scope.TargetMission(null, PressArchive.Keepers) ?? throw DomainException.NotFound("mission");
        try
        {
            Outcomes = await rounds.AddAsync(missionId, Links, Country, Tags, ct);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, prefix: "");
        }
        return Page();
    }
}
