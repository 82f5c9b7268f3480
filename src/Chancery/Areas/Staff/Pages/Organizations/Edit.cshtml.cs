using System.ComponentModel.DataAnnotations;
using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Contacts;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Organizations;

public sealed class EditModel(ChanceryDb db, Domain.Contacts.Organizations organizations) : PageModel
{
    public sealed class Form
    {
        [Required, StringLength(300)] public string Name { get; set; } = "";
        public OrganizationType Type { get; set; }
        [StringLength(100)] public string? Country { get; set; }
        [StringLength(1000)] public string? Address { get; set; }
        [StringLength(500), Url(ErrorMessage = "Write the whole address, starting with https://")] public string? Website { get; set; }
        [Display(Name = "National day")] public DateOnly? NationalDay { get; set; }
        [Range(1, 1000, ErrorMessage = "A rank is 1 (first) or more; leave it empty where the host does not rank this organization.")] public int? HostRank { get; set; }
        /// <summary>Its name in each other language, by tag; empty for the one made from its kind and country.</summary>
        public Dictionary<string, string?> Names { get; set; } = [];
    }

    /// <summary>The languages its name may be recorded in (all the shipped ones but the one it is written in), with the name used when none is.</summary>
    public List<(string Language, string Made)> OtherLanguages { get; private set; } = [];

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) is not { } o)
        {
            return NotFound();
        }
        Input = new Form { Name = o.Name, Type = o.Type, Country = o.Country, Address = o.Address, Website = o.Website, NationalDay = o.NationalDay, HostRank = o.HostRank, Names = o.Names.ToDictionary(kv => kv.Key, kv => (string?)kv.Value) };
        await LanguagesAsync(o);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.Id == id) is not { } o)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LanguagesAsync(o);
            return Page();
        }
        o.Name = Input.Name.Trim();
        o.Type = Input.Type;
        o.Country = Text.Clean(Input.Country);
        o.Address = Text.Clean(Input.Address);
        o.Website = Text.Clean(Input.Website);
        o.NationalDay = Input.NationalDay is { } d ? new DateOnly(2000, d.Month, d.Day) : null;
        o.HostRank = Input.HostRank;
        o.Names = Input.Names.Where(kv => Text.Clean(kv.Value) is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
        try
        {
            await organizations.SaveAsync(o);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
            await LanguagesAsync(o);
            return Page();
        }
        TempData["Notice"] = "Saved.";
        return Redirect($"/staff/organizations/{o.Id}");
    }

    private async Task LanguagesAsync(Organization o)
    {
        var written = await db.Missions.Where(m => m.Id == o.MissionId).Select(m => m.Language).FirstOrDefaultAsync() ?? Domain.Events.InvitationLanguages.Fallback;
        var empty = new Dictionary<string, string>();
        OtherLanguages = [.. Countries.Languages.Where(l => l != Domain.Events.InvitationLanguages.Primary(written))
            .Select(l => (l, OrganizationNames.In(o.Name, o.Type, o.Country, empty, l, written) is { Uncertain: false } made ? made.Name : ""))];
    }
}
