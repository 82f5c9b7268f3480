using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Pages.Public.Exhibitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press.Exhibitions;

/// <summary>The slideshow and posters of an exhibition for its keepers, published or not (a hall's screen and the printer come before the website).</summary>
public abstract class StaffExhibitionModel(ChanceryDb db, Domain.Press.Exhibitions exhibitions, MissionScope scope) : PageModel
{
    public ExhibitionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? lang, CancellationToken ct)
    {
        var exhibition = await scope.FindAsync(db.Exhibitions.Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == exhibition.MissionId, ct);
        View = new ExhibitionView(await exhibitions.ShowAsync(exhibition, lang is { Length: <= 40 } ? lang : null, ct), mission, $"/staff/press/exhibitions/{id}", Staff: true);
        return Page();
    }
}

public sealed class SlideshowModel(ChanceryDb db, Domain.Press.Exhibitions exhibitions, MissionScope scope) : StaffExhibitionModel(db, exhibitions, scope);

public sealed class PostersModel(ChanceryDb db, Domain.Press.Exhibitions exhibitions, MissionScope scope) : StaffExhibitionModel(db, exhibitions, scope);
