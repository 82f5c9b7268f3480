using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>
/// Printed invitations, one card a page (A5 or A6), each in the guest's language with the QR code and the typed
/// code, for the guests invited by hand (no e-mail address) or for everyone invited; not for those who declined.
/// </summary>
public sealed class InvitationsModel(ChanceryDb db, TimeProvider clock, InvitationMail mail) : PrintPage(db, clock)
{
    public IReadOnlyList<InvitationMail.PrintedCard> Cards { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string Size { get; set; } = "A5";
    /// <summary>"byhand": guests without an e-mail address; "all": every guest invited.</summary>
    [BindProperty(SupportsGet = true)] public string Who { get; set; } = "byhand";
    public int NotInvitedYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        Size = Size.Equals("A6", StringComparison.OrdinalIgnoreCase) ? "A6" : "A5";
        Who = Who == "all" ? "all" : "byhand";
        ViewData["BodyClass"] = $"invitation-cards invitation-{Size.ToLowerInvariant()}";
        var guests = await InvitedAsync(Db, Event.Id, Who);
        Cards = await mail.PrintedCardsAsync(Event, guests);
        NotInvitedYet = await Db.Guests.CountAsync(g => g.EventId == id && g.Invitation == InvitationState.NotSent && g.Rsvp != RsvpAnswer.Declined);
        return Page();
    }

    /// <summary>The guests a print of invitations is for, in order of family name: invited, not declined, not erased.</summary>
    public static async Task<List<Guest>> InvitedAsync(ChanceryDb db, Guid eventId, string who) =>
        [.. (await db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization)
                .Where(g => g.EventId == eventId && g.Invitation != InvitationState.NotSent && g.Rsvp != RsvpAnswer.Declined && g.Contact!.ErasedAt == null
                    && (who == "all" || g.Contact.Email == null))
                .ToListAsync())
            .OrderBy(g => g.Contact!.SortName, StringComparer.Ordinal).ThenBy(g => g.Id)];
}
