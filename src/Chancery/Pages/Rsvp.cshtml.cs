using System.Text;
using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Pages;

/// <summary>
/// The guest's own page, reached by the link in their invitation (API.md "Invitations and RSVP"): anonymous, in
/// their language, working without script. It shows nothing but this guest's invitation; a wrong link is 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Rsvp)]
public sealed class RsvpModel(ChanceryDb db, EventKeyRing keys, InvitationMail invitations, Answers answers, TimeProvider clock, MissionScope scope) : PageModel
{
    public Guest Guest { get; private set; } = null!;
    public Event Event { get; private set; } = null!;
    public Mission Mission { get; private set; } = null!;
    public string Language { get; private set; } = "en";
    public RsvpWords Words { get; private set; } = RsvpWords.For("en");
    public InvitationCard Card { get; private set; } = null!;
    public bool Closed { get; private set; }
    /// <summary>Who comes in this guest's place, as the office recorded it: the page then only says so.</summary>
    public string? ReplacedBy { get; private set; }
    public string? Deadline { get; private set; }
    public string Office => invitations.OfficeOf(Mission);
    public string? QrDataUri { get; private set; }
    public string? TypedCode { get; private set; }
    /// <summary>The plus-ones' own door codes, each with the name the guest gave (else "Companion n").</summary>
    public IReadOnlyList<(string Name, string QrDataUri, string TypedCode)> Companions { get; private set; } = [];
    public int Allowed => Answers.PlusOnesAllowed(Guest);
    /// <summary>The partner may come only when the invitation named them.</summary>
    public bool PartnerInvited => Answers.PartnerInvited(Guest);

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? response, bool withPartner, int plusOnes, string? plusOneNames, string? note)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }
        if (Closed)
        {
            ModelState.AddModelError("", ReplacedBy is not null
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.Replaced, ReplacedBy, Office)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.Closed, Deadline, Office));
            return Page();
        }
        if (response is not ("accept" or "decline"))
        {
            ModelState.AddModelError("", Words.Question);
            return Page();
        }
        var result = await answers.RecordGuestAnswerAsync(Event.Id, Guest.Id, response == "accept", withPartner, plusOnes, plusOneNames, note);
        if (result.Outcome == Answers.Outcome.TooMany)
        {
            ModelState.AddModelError("", string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.TooMany, result.FreePlaces, Office));
            return Page();
        }
        TempData["Notice"] = result.Outcome == Answers.Outcome.Waitlisted ? Words.Waitlisted : Words.Recorded;
        return Redirect($"/rsvp/{token}");
    }

    /// <summary>The event as a calendar file, for "add to calendar".</summary>
    public async Task<IActionResult> OnGetCalendarAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(InvitationMail.Calendar(Event, Card, invitations.RsvpLink(Mission, token))), "text/calendar", "invitation.ics");
    }

    /// <summary>The plus-ones' names as the guest wrote them: one a line, or separated by commas (Latin, Chinese or Arabic).</summary>
    public static IReadOnlyList<string> CompanionNames(string? written) =>
        written is null ? [] : [.. written.Split(['\n', ',', '，', '،', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private async Task<bool> LoadAsync(string token)
    {
        if (token.Length is < 16 or > 64)
        {
            return false;
        }
        var hash = GuestSecrets.TokenHash(token);
        // The token's hash is the only key, and it names one guest; its mission is then the request's public
        // scope (as /m/{slug} pages have): everything after sees, and may save, that mission's rows only.
        var found = await db.Guests.IgnoreQueryFilters().AsNoTracking().Where(g => g.RsvpTokenHash == hash).Select(g => new { g.Id, g.MissionId }).FirstOrDefaultAsync();
        if (found is null)
        {
            return false;
        }
        if (scope.Kind == ScopeKind.Nobody)
        {
            scope.EnterPublic(found.MissionId);
        }
        var guest = await db.Guests.Include(g => g.Contact).AsNoTracking().FirstOrDefaultAsync(g => g.Id == found.Id);
        if (guest is null || guest.Contact is not { ErasedAt: null })
        {
            return false;
        }
        Guest = guest;
        Event = await db.Events.AsNoTracking().FirstAsync(e => e.Id == guest.EventId);
        Mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == Event.MissionId);
        (Language, Card) = await invitations.CardAsync(guest, Event, Mission);
        Words = RsvpWords.For(Language);
        var texts = InvitationTexts.For(Language);
        var culture = InvitationWording.Culture(Language);
        Deadline = Event.RsvpByLocal?.ToString(texts.DatePattern, culture);
        var deputy = await db.Guests.Include(g => g.Contact).AsNoTracking().FirstOrDefaultAsync(g => g.EventId == guest.EventId && g.SubstituteForId == guest.Id);
        ReplacedBy = deputy?.Contact?.DisplayName;
        Closed = ReplacedBy is not null || RsvpWindow.IsClosed(Event, clock.GetUtcNow());
        Deadline ??= Event.StartsAtLocal.ToString(texts.DatePattern, culture);
        if (guest.Rsvp == RsvpAnswer.Accepted)
        {
            using var eventKeys = await keys.ForAsync(Event);
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(InvitationMail.QrPng(DoorCodes.Sign(eventKeys.SigningKey, new DoorPass(Event.Id, guest.Id, 0))));
            TypedCode = GuestSecrets.TypedCode(eventKeys.Secret, guest.Id);
            var names = CompanionNames(guest.PlusOneNames);
            Companions = [.. Enumerable.Range(1, Math.Min(guest.PlusOnes, byte.MaxValue)).Select(n => (
                n <= names.Count ? names[n - 1] : string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.Companion, n),
                "data:image/png;base64," + Convert.ToBase64String(InvitationMail.QrPng(DoorCodes.Sign(eventKeys.SigningKey, new DoorPass(Event.Id, guest.Id, (byte)n)))),
                GuestSecrets.TypedCode(eventKeys.Secret, guest.Id, (byte)n)))];
        }
        ViewData["Lang"] = Language;
        ViewData["Dir"] = Card.RightToLeft ? "rtl" : "ltr";
        ViewData["Mission"] = Mission;
        return true;
    }
}
