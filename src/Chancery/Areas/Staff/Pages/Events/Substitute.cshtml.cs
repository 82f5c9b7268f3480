using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// Someone comes instead of a guest — a head of mission sends a deputy: the deputy is chosen from the guest's own
/// organization (or found by name in the directory) and joins the list in their own place; the guest is declined.
/// </summary>
public sealed class SubstituteModel(ChanceryDb db, GuestList guestList, ContactDirectory directory) : EventPage(db)
{
    public const int Shown = 50;
    public Guest Guest { get; private set; } = null!;
    /// <summary>People of the guest's organization not on the list, and those found by name.</summary>
    public IReadOnlyList<Contact> Colleagues { get; private set; } = [];
    public IReadOnlyList<Contact> Found { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid guestId)
    {
        if (!await LoadAsync(id, guestId))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid guestId, Guid contactId)
    {
        if (!await LoadAsync(id, guestId))
        {
            return NotFound();
        }
        try
        {
            var deputy = await guestList.SendInsteadAsync(id, guestId, contactId);
            TempData["Notice"] = $"{(await Db.Guests.Include(g => g.Contact).FirstAsync(g => g.Id == deputy)).Contact!.DisplayName} comes instead of {Guest.Contact!.DisplayName}, in their own place in the order of precedence. Send them an invitation for their door code.";
            return Redirect($"/staff/events/{id}/guests#guest-{deputy}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, Guid guestId)
    {
        if (!await LoadEventAsync(id))
        {
            return false;
        }
        var guest = await Db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization)
            .FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == id);
        if (guest is null)
        {
            return false;
        }
        Guest = guest;
        var onList = Db.Guests.Where(g => g.EventId == id).Select(g => g.ContactId);
        if (guest.Contact!.OrganizationId is { } organization)
        {
            Colleagues = await ContactDirectory.WithDetails(ContactDirectory.ByName(
                directory.Search(new ContactDirectory.Filter(MissionId: Event.MissionId)).Where(c => c.OrganizationId == organization && !onList.Contains(c.Id))).Take(Shown))
                .AsNoTracking().ToListAsync();
        }
        if (Domain.Contacts.Text.Clean(Find) is { } find)
        {
            Found = await ContactDirectory.WithDetails(ContactDirectory.ByName(
                directory.Search(new ContactDirectory.Filter(Q: find, MissionId: Event.MissionId)).Where(c => !onList.Contains(c.Id))).Take(Shown))
                .AsNoTracking().ToListAsync();
        }
        return true;
    }
}
