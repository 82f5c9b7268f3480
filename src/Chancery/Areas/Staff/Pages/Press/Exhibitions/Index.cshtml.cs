using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press.Exhibitions;

/// <summary>The mission's exhibitions of its press coverage, and a new one started from its title.</summary>
public sealed class IndexModel(ChanceryDb db, Domain.Press.Exhibitions exhibitions, MissionScope scope) : PageModel
{
    public sealed record Row(Exhibition Exhibition, int Pieces, string? Event);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Language { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Language ??= await db.Missions.Where(m => m.Id == scope.Current!.MissionId).Select(m => m.Language).FirstOrDefaultAsync(ct) ?? "en";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var missionId = scope.TargetMission(null, PressArchive.Keepers) ?? throw DomainException.NotFound("mission");
        var language = Domain.Contacts.Text.Clean(Language) ?? "en";
        try
        {
            var exhibition = await exhibitions.CreateAsync(missionId, new ExhibitionInput(language, new() { [language] = Title }), ct);
            TempData["Notice"] = "Started: add its articles from the archive below.";
            return Redirect($"/staff/press/exhibitions/{exhibition.Id}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mission = scope.Current!.MissionId;
        Rows = await db.Exhibitions.AsNoTracking().Where(x => x.MissionId == mission).OrderByDescending(x => x.CreatedAt)
            .Select(x => new Row(x, db.ExhibitionPieces.Count(p => p.ExhibitionId == x.Id), db.Events.Where(e => e.Id == x.EventId).Select(e => e.Title).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
