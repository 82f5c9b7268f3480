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
public sealed class InvitationsModel(ChanceryDb db, InvitationSender sending, InvitationMail mail, Answers answers, Domain.Events.EventEditor editing) : EventPage(db)
{
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public Dictionary<string, InvitationText> Texts { get; private set; } = [];
    public IReadOnlyList<(Guest Guest, InvitationSender.InvitationStatus Status)> Rows { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];
    public GuestCounts Answers { get; private set; } = GuestCounts.Of([]);
    /// <summary>The waiting list in its order: first to say yes, first offered a place.</summary>
    public IReadOnlyList<Guest> Waiting { get; private set; } = [];
    /// <summary>Guests invited (sent) who have not answered: whom "remind everyone" reaches.</summary>
    public int Unanswered { get; private set; }
    /// <summary>Guests not invited yet whom no e-mail can reach: their invitation goes on paper.</summary>
    public int WithoutEmail { get; private set; }
    /// <summary>Places left under the capacity, partners and plus-ones counted; null without a capacity.</summary>
    public int? FreePlaces { get; private set; }
    /// <summary>The event's words in each of its languages, with what the office has yet to write.</summary>
    public Dictionary<string, LocalWords> Words { get; private set; } = [];
    /// <summary>Programme items without a title of their own, by language.</summary>
    public Dictionary<string, int> UntitledItems { get; private set; } = [];
    /// <summary>Hosts whose gender neither their honorific nor their record tells: the card takes the masculine.</summary>
    public IReadOnlyList<Domain.Contacts.Contact> HostsOfUnknownGender { get; private set; } = [];
    /// <summary>Hosts chosen for the event who are no longer in the directory (erased or deleted since).</summary>
    public int HostsGone { get; private set; }
    /// <summary>Who invites is written in words with nobody chosen: the verbs' number is read from the words, their gender not known.</summary>
    public bool HostsOnlyInWords { get; private set; }
    /// <summary>Whom "send to everyone" would reach now, by the language each gets.</summary>
    public IReadOnlyList<(string Language, int Count)> ToSendByLanguage { get; private set; } = [];
    /// <summary>Asked to send to everyone: the page shows how many, in which languages and what is missing, and asks again.</summary>
    public bool Confirming { get; private set; }
    /// <summary>Invitations and reminders still on their way, and those done, for the progress bar.</summary>
    public (int Done, int Total) Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? preview, GuestMailKind kind = GuestMailKind.Invitation, string? confirm = null)
    {
        Confirming = confirm == "send";
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
            SecurityHeaders.UseMailPreviewPolicy(HttpContext);
            return Content(PreviewHtml(await mail.ComposeAsync(guestId, preview: true, kind)), "text/html; charset=utf-8");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTextAsync(Guid id, string language, string? title, string? hosts, string? occasion, string? venue, string? dressCode)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var mission = await Db.Missions.AsNoTracking().FirstAsync(m => m.Id == Event.MissionId);
        try
        {
            // The form sends every field: an empty one clears the language's own words, so the event's are used.
            await editing.SaveTextAsync(Event, mission, language, new Domain.Events.EventTextInput
            {
                Title = title ?? "",
                Hosts = hosts ?? "",
                Occasion = occasion ?? "",
                Venue = venue ?? "",
                DressCode = dressCode ?? "",
            });
            TempData["Notice"] = $"The {LanguageName(language)} words are saved.";
        }
        catch (Domain.DomainException e) when (e.IsForTheForm)
        {
            var page = await RefusedAsync(e);
            // The words as typed, to mend where they stand (nothing of them was saved).
            Texts[language] = new Domain.Invitations.InvitationText
            {
                EventId = Event.Id,
                MissionId = Event.MissionId,
                Language = language,
                Title = title,
                Hosts = hosts,
                Occasion = occasion,
                Venue = venue,
                DressCode = dressCode,
            };
            return page;
        }
        return Redirect($"/staff/events/{id}/invitations#text-{language}");
    }

    /// <summary>A language's name in English, the staff pages' language, with its tag: "French (fr)".</summary>
    public static string LanguageName(string tag)
    {
        var name = Infrastructure.Words.Language(tag);
        return name == tag ? tag : $"{name} ({tag})";
    }

    /// <summary>Invitations to the guests ticked, or (none ticked, <paramref name="everyone"/>) to everyone not invited yet.</summary>
    public async Task<IActionResult> OnPostSendAsync(Guid id, List<Guid>? guestIds, bool everyone, bool confirmed)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        if (everyone && !confirmed)
        {
            // Sending to everyone is asked twice: the second time the page says how many, in which languages, and what is missing.
            return Redirect($"/staff/events/{id}/invitations?confirm=send#confirm");
        }
        if (!everyone && guestIds is not { Count: > 0 })
        {
            TempData["Notice"] = "Tick the guests to invite first.";
            return Redirect($"/staff/events/{id}/invitations");
        }
        try
        {
            var queued = await sending.QueueAsync(Event, everyone ? null : guestIds);
            TempData["Notice"] = $"{queued.Count} invitations on their way; {queued.AlreadyInvited} invited before"
                + (queued.WithoutEmail > 0 ? $"; {queued.WithoutEmail} without an e-mail address (print their cards)" : "")
                + (queued.Declined > 0 ? $"; {queued.Declined} had already declined" : "") + ".";
            return Redirect($"/staff/events/{id}/invitations");
        }
        catch (Domain.DomainException e) when (e.IsForTheForm)
        {
            return await RefusedAsync(e);
        }
    }

    /// <summary>A reminder to the guests ticked, or to everyone invited who has not answered: one per guest a day.</summary>
    public async Task<IActionResult> OnPostRemindAsync(Guid id, List<Guid>? guestIds, bool everyone)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        if (!everyone && guestIds is not { Count: > 0 })
        {
            TempData["Notice"] = "Tick the guests to remind first.";
            return Redirect($"/staff/events/{id}/invitations");
        }
        try
        {
            var r = await sending.RemindAsync(Event, everyone ? null : guestIds);
            TempData["Notice"] = $"{r.Count} reminders on their way"
                + (r.RemindedThisRound > 0 ? $"; {r.RemindedThisRound} reminded today already" : "")
                + (r.Answered > 0 ? $"; {r.Answered} have answered" : "")
                + (r.NotInvited > 0 ? $"; {r.NotInvited} have no invitation sent to remind of" : "") + ".";
            return Redirect($"/staff/events/{id}/invitations");
        }
        catch (Domain.DomainException e) when (e.IsForTheForm)
        {
            return await RefusedAsync(e);
        }
    }

    /// <summary>Invites by hand the guests without an e-mail address, then opens their cards to print.</summary>
    public async Task<IActionResult> OnPostByHandAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var count = await sending.InviteByHandAsync(Event);
        TempData["Notice"] = $"{count} guests without an e-mail address invited by hand: print their cards and envelope labels.";
        return Redirect($"/staff/events/{id}/print/invitations?who=byhand");
    }

    /// <summary>Gives a waiting guest their place; they are told by e-mail.</summary>
    public async Task<IActionResult> OnPostPromoteAsync(Guid id, Guid guest)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        try
        {
            TempData["Notice"] = (await answers.PromoteAsync(id, guest)).Told
                ? "The place is theirs; they are told by e-mail."
                : "The place is theirs. They have no invitation yet: tick them and press Invite; the invitation carries their door code.";
            return Redirect($"/staff/events/{id}/invitations#waiting");
        }
        catch (Domain.DomainException e) when (e.IsForTheForm)
        {
            return await RefusedAsync(e);
        }
    }

    /// <summary>The counts, for the progress bar's script while a batch goes out.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var (done, total) = await sending.ProgressAsync(Event);
        return new JsonResult(new { done, total });
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
        Answers = GuestCounts.Of(guests.Values);
        Waiting = [.. guests.Values.Where(g => g.Rsvp == RsvpAnswer.Waitlisted).OrderBy(g => g.WaitlistedAt).ThenBy(g => g.Id)];
        Progress = await sending.ProgressAsync(Event);
        WithoutEmail = Rows.Count(r => InvitationSender.IsToInviteByHand(r.Guest));
        Unanswered = Rows.Count(r => InvitationSender.IsToRemind(r.Guest, r.Status.Status == "sent"));
        // As an answer is held to it (Answers): one count of places, whoever asks.
        FreePlaces = await answers.FreePlacesAsync(Event.Id, except: null) is { } free ? Math.Max(0, free) : null;
        var voice = await EventVoice.OfAsync(Db, Event, mission);
        Words = Languages.ToDictionary(l => l, l => EventWords.For(Event, voice, Texts.GetValueOrDefault(l), l));
        var items = await Db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == Event.Id).ToListAsync();
        UntitledItems = Languages.ToDictionary(l => l, l => EventWords.UntitledIn(items, l, voice.BaseLanguage).Count);
        HostsOfUnknownGender = [.. voice.Hosts.Where(h => h.GrammaticalGender is null)];
        HostsGone = Event.HostIds.Count - voice.Hosts.Count;
        HostsOnlyInWords = voice.Hosts.Count == 0 && Words.Values.Any(w => w.Grammar.Unknown);
        ToSendByLanguage = [.. Rows.Where(r => InvitationSender.IsToInviteByEmail(r.Guest))
            .GroupBy(r => LanguageOf(r.Guest, r.Status)).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2)];
    }

    /// <summary>The language the guest's invitation is (or will be) in.</summary>
    public string LanguageOf(Guest g, InvitationSender.InvitationStatus s) =>
        s.Language ?? g.InvitationLanguage ?? Domain.Events.InvitationLanguages.For(g.Contact?.Language, Languages);

    /// <summary>The status as the page says it.</summary>
    public static string StatusWords(string status) => status switch
    {
        "notSent" => "Not sent",
        "queued" => "On its way",
        "sent" => "Sent",
        "failed" => "Failed",
        _ => status,
    };

    private async Task<IActionResult> RefusedAsync(Domain.DomainException e)
    {
        ModelState.AddDomainErrors(e, "");
        await LoadAsync();
        return Page();
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
