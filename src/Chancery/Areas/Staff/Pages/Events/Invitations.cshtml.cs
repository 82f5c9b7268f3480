using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// An event's invitations: the card's words per language, a preview for any guest exactly as the e-mail will look,
/// sending to everyone not yet invited, and each guest's status.
/// </summary>
public sealed class InvitationsModel(ChanceryDb db, InvitationSending sending, InvitationMail mail) : EventPage(db)
{
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public Dictionary<string, InvitationText> Texts { get; private set; } = [];
    public IReadOnlyList<(Guest Guest, InvitationSending.InvitationStatus Status)> Rows { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? preview)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        if (preview is { } guestId)
        {
            if (!await Db.Guests.AnyAsync(g => g.Id == guestId && g.EventId == id))
            {
                return NotFound();
            }
            return Content(PreviewHtml(await mail.ComposeAsync(guestId, preview: true)), "text/html; charset=utf-8");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTextAsync(Guid id, string language, string? hosts, string? occasion, string? venue)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var mission = await Db.Missions.AsNoTracking().FirstAsync(m => m.Id == Event.MissionId);
        if (!Domain.Events.InvitationLanguages.Of(Event, mission).Contains(language))
        {
            return NotFound();
        }
        var text = await Db.InvitationTexts.AsTracking().FirstOrDefaultAsync(t => t.EventId == id && t.Language == language);
        if (text is null)
        {
            text = new InvitationText { MissionId = Event.MissionId, EventId = id, Language = language };
            Db.InvitationTexts.Add(text);
        }
        (text.Hosts, text.Occasion, text.Venue) = (Domain.Contacts.Text.Clean(hosts), Domain.Contacts.Text.Clean(occasion), Domain.Contacts.Text.Clean(venue));
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"The {language} text is saved.";
        return Redirect($"/staff/events/{id}/invitations#text-{language}");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var queued = await sending.QueueAsync(Event, guestIds: null);
        TempData["Notice"] = $"{queued.Count} invitations on their way; {queued.AlreadyInvited} invited before"
            + (queued.WithoutEmail > 0 ? $"; {queued.WithoutEmail} without an e-mail address (print their cards)" : "")
            + (queued.Declined > 0 ? $"; {queued.Declined} had already declined" : "") + ".";
        return Redirect($"/staff/events/{id}/invitations");
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, Guid guest)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        TempData["Notice"] = await sending.ResendAsync(Event, guest)
            ? "The invitation is on its way again, with the same link and codes."
            : "Nothing to resend: the invitation is still on its way, was never sent, or the guest has no e-mail address.";
        return Redirect($"/staff/events/{id}/invitations");
    }

    private async Task LoadAsync()
    {
        var mission = await Db.Missions.AsNoTracking().FirstAsync(m => m.Id == Event.MissionId);
        Languages = Domain.Events.InvitationLanguages.Of(Event, mission);
        Texts = await Db.InvitationTexts.AsNoTracking().Where(t => t.EventId == Event.Id).ToDictionaryAsync(t => t.Language);
        var guests = await Db.Guests.AsNoTracking().Include(g => g.Contact).Where(g => g.EventId == Event.Id).ToDictionaryAsync(g => g.Id);
        var statuses = await sending.StatusAsync(Event);
        Rows = [.. statuses.Select(s => (guests[s.GuestId], s)).OrderBy(r => r.Item1.Contact!.SortName, StringComparer.Ordinal)];
        Counts = statuses.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
    }

    // The e-mail's HTML with its QR image inlined, as a mail client shows it.
    private static string PreviewHtml(MimeMessage message)
    {
        var html = message.HtmlBody ?? "";
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null))
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            html = html.Replace($"cid:{part.ContentId}", $"data:{part.ContentType.MimeType};base64,{Convert.ToBase64String(bytes.ToArray())}", StringComparison.Ordinal);
        }
        return html;
    }
}
