using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Missions;

/// <summary>The host state's practice on precedence for the current mission (docs/events.md §4).</summary>
public sealed class PrecedenceModel(ChanceryDb db, MissionScope scope, GuestList guestList, Domain.Contacts.ContactCategories categoryList, MissionAdministration administration) : PageModel
{
    /// <summary>The dean of the corps as the mission records it; empty for none recorded.</summary>
    [BindProperty] public Guid? DeanContactId { get; set; }
    /// <summary>The heads of mission of the directory, who may be dean, those who presented credentials first first.</summary>
    public IReadOnlyList<Domain.Contacts.Contact> Heads { get; private set; } = [];
    /// <summary>The directory's suggestion: the earliest credentials (or the nuncio, where the host says so).</summary>
    public Domain.Contacts.Contact? SuggestedDean { get; private set; }
    /// <summary>The mission's categories in their order: guests outside the corps are placed category by category.</summary>
    public IReadOnlyList<Domain.Contacts.Category> Categories { get; private set; } = [];
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
        DeanContactId = m.DeanContactId;
        await LoadChoicesAsync(m);
    }

    private async Task LoadChoicesAsync(Mission m)
    {
        Heads = await db.Contacts.AsNoTracking().Include(c => c.Organization)
            .Where(c => c.MissionId == m.Id && c.ErasedAt == null && (c.HeadOfMissionClass == Domain.Contacts.HeadOfMissionClass.Ambassador || c.HeadOfMissionClass == Domain.Contacts.HeadOfMissionClass.Envoy))
            .OrderBy(c => c.CredentialsPresented ?? DateTime.MaxValue).ThenBy(c => c.SortName).Take(500).ToListAsync();
        var suggested = await guestList.SuggestedDeanAsync(m.Id);
        SuggestedDean = Heads.FirstOrDefault(h => h.Id == suggested);
        Categories = await categoryList.ListAsync(m.Id);
    }

    /// <summary>Moves a category one place up or down in the mission's order of categories.</summary>
    public async Task<IActionResult> OnPostMoveCategoryAsync(Guid category, bool up)
    {
        var mission = scope.Current!.MissionId;
        if (!await db.Categories.AnyAsync(c => c.Id == category && c.MissionId == mission))
        {
            return NotFound();
        }
        await categoryList.MoveAsync(mission, category, up);
        return Redirect("/staff/missions/precedence#categories");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var m = await MissionAsync();
        try
        {
            await administration.SetPrecedenceAsync(m.Id, new MissionAdministration.PrecedencePractice(DatedBy, HolySeeFirst, TieBreak, HostLanguage,
                ExcellencyForHeadsOfOrganizations, DeanContactId));
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, prefix: ""); // the page's fields are its own properties, not an Input's
            await LoadChoicesAsync(m);
            return Page();
        }
        TempData["Notice"] = "Precedence settings saved; every guest list of the mission follows them now.";
        return RedirectToPage();
    }

    private async Task<Mission> MissionAsync()
    {
        var m = await db.Missions.AsNoTracking().FirstAsync(x => x.Id == scope.Current!.MissionId);
        MissionName = m.Name;
        return m;
    }
}
