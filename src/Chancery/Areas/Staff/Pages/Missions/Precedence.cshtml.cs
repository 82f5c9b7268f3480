using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Missions;

/// <summary>The host state's practice on precedence for the current mission (PRODUCT.md rules 2, 3 and 6).</summary>
public sealed class PrecedenceModel(ChanceryDb db, MissionScope scope) : PageModel
{
    [BindProperty] public FunctionsDatedBy DatedBy { get; set; }
    [BindProperty] public bool HolySeeFirst { get; set; }
    [BindProperty] public PrecedenceTieBreak TieBreak { get; set; }
    [BindProperty] public string HostLanguage { get; set; } = "en";
    [BindProperty] public bool ExcellencyForHeadsOfOrganizations { get; set; }
    public string MissionName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var m = await MissionAsync();
        (DatedBy, HolySeeFirst, TieBreak, HostLanguage) = (m.PrecedenceDatedBy, m.HolySeeFirst, m.PrecedenceTieBreak, m.HostLanguage);
        ExcellencyForHeadsOfOrganizations = m.ExcellencyForHeadsOfOrganizations;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var m = await MissionAsync();
        var language = HostLanguage?.Trim() ?? "";
        if (!IsKnownLanguage(language))
        {
            ModelState.AddModelError(nameof(HostLanguage), $"'{language}' is not a language tag this server knows; use e.g. de, sv, zh, ar.");
            return Page();
        }
        m.PrecedenceDatedBy = DatedBy;
        m.HolySeeFirst = HolySeeFirst;
        m.PrecedenceTieBreak = TieBreak;
        m.HostLanguage = language;
        m.ExcellencyForHeadsOfOrganizations = ExcellencyForHeadsOfOrganizations;
        await db.SaveChangesAsync();
        TempData["Notice"] = "Precedence settings saved; every guest list of the mission follows them now.";
        return RedirectToPage();
    }

    private static bool IsKnownLanguage(string tag)
    {
        try
        {
            return tag.Length > 0 && CultureInfo.GetCultureInfo(tag, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private async Task<Mission> MissionAsync()
    {
        var m = await db.Missions.AsTracking().FirstAsync(x => x.Id == scope.Current!.MissionId);
        MissionName = m.Name;
        return m;
    }
}
