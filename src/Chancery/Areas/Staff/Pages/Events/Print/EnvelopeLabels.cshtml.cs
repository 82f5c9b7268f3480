using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>
/// Envelope labels for the printed invitations: 21 a sheet of A4 (3 × 7, 63.5 × 38.1 mm, the common label sheet),
/// each addressed as the card is — in the guest's language and diplomatic form — with position, organization and address.
/// </summary>
public sealed class EnvelopeLabelsModel(ChanceryDb db, TimeProvider clock, InvitationMail mail) : PrintPage(db, clock)
{
    public const int PerSheet = 21;
    public IReadOnlyList<InvitationMail.PrintedCard> Labels { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string Who { get; set; } = "byhand";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        Who = Who == "all" ? "all" : "byhand";
        ViewData["BodyClass"] = "labels";
        Labels = await mail.PrintedCardsAsync(Event, await InvitationsModel.InvitedAsync(Db, Event.Id, Who));
        return Page();
    }
}
