using System.Globalization;
using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Contacts;

public sealed class EditModel(ContactDirectory directory, ContactCategories categoryList, MissionScope scope) : PageModel
{
    [BindProperty] public ContactInput Input { get; set; } = new();
    [BindProperty] public string? TagsText { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    /// <summary>The transliteration used while no Latin name is recorded, shown so a person can take or correct it.</summary>
    public Domain.Contacts.Names.LatinName? Guess { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Categories = await categoryList.ListAsync(scope.Current!.MissionId);
        if (id is null)
        {
            return Page();
        }
        if (await directory.FindAsync(id.Value) is not { } c)
        {
            return NotFound();
        }
        Id = c.Id;
        Guess = c.LatinName is null && c.Latin.Source is not Domain.Contacts.Names.LatinSource.AsWritten ? c.Latin : null;
        Input = new ContactInput
        {
            Honorific = c.Honorific,
            FirstName = c.FirstName,
            LastName = c.LastName,
            LatinName = c.LatinName,
            NameOrder = c.NameOrder?.ToString(),
            Position = c.Position,
            DiplomaticRank = c.DiplomaticRank,
            HeadOfMissionClass = c.HeadOfMissionClass?.ToString(),
            Gender = c.Gender?.ToString(),
            CredentialsPresented = c.CredentialsPresented?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ArrivalNotified = c.ArrivalNotified?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            NotifiedOrder = c.NotifiedOrder,
            ManualRank = c.ManualRank,
            HeadsInternationalOrganization = c.HeadsInternationalOrganization,
            NotNamedPublicly = c.NotNamedPublicly,
            Email = c.Email,
            Phone = c.Phone,
            Language = c.Language,
            Category = c.Category?.Name,
            OrganizationName = c.Organization?.Name,
            OrganizationType = c.Organization?.Type.ToString(),
            OrganizationCountry = c.Organization?.Country,
            SpouseHonorific = c.SpouseHonorific,
            SpouseFirstName = c.SpouseFirstName,
            SpouseLastName = c.SpouseLastName,
            Notes = c.Notes,
        };
        TagsText = string.Join("; ", c.Tags);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var missionId = scope.Current!.MissionId;
        Contact? existing = null;
        if (id is not null && (existing = await directory.FindAsync(id.Value, track: true)) is null)
        {
            return NotFound();
        }
        Id = id;
        Input.Tags = TagsText is null ? [] : ContactRules.SplitTags(TagsText);
        Contact contact;
        try
        {
            contact = await directory.SaveAsync(missionId, existing, Input);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
            Categories = await categoryList.ListAsync(missionId);
            return Page();
        }
        TempData["Notice"] = existing is null ? $"{contact.DisplayName} added." : "Saved.";
        return Redirect($"/staff/contacts/{contact.Id}");
    }
}
