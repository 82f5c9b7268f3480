using System.Net;
using System.Text;
using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Email;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using QRCoder;

namespace Chancery.Domain.Invitations;

/// <summary>
/// Writes a guest's invitation in the outbox worker (API.md "Invitations and RSVP"): the card in the guest's
/// language (HTML with <c>lang</c> and <c>dir</c>, and plain text), the personal RSVP link, the signed door code as
/// a QR image in a PNG part shown through <c>cid:</c>, the typed code, and an .ics in the venue's time zone.
/// Written again the same way on a retry: the link and codes derive from the event's keys.
/// </summary>
public sealed class InvitationMail(ChanceryDb db, EventKeyRing keys, Infrastructure.PublicUrls urls, IOptions<EmailOptions> email) : IOutboxRenderer, IDisposable
{
    // What every guest's message of one event shares, read once per instance: the outbox worker renders a whole
    // batch with one instance, so 50 invitations read the event, its keys and its words once, not 50 times. An edit
    // made while a batch goes out reaches its messages from the next batch on (docs/events.md says so).
    private sealed record EventParts(Event Event, Missions.Mission Mission, EventKeyRing.Keys Keys, IReadOnlyList<string> Languages, Dictionary<string, InvitationText> Texts, EventVoice Voice)
    {
        public LocalWords WordsIn(string language) => EventWords.For(Event, Voice, Texts.GetValueOrDefault(language), language);
    }

    private readonly Dictionary<Guid, EventParts> _events = [];

    private async Task<EventParts> PartsAsync(Guid eventId, CancellationToken ct)
    {
        if (!_events.TryGetValue(eventId, out var parts))
        {
            var e = await db.Events.AsNoTracking().FirstAsync(x => x.Id == eventId, ct);
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == e.MissionId, ct);
            var texts = await db.InvitationTexts.AsNoTracking().Where(t => t.EventId == eventId).ToDictionaryAsync(t => t.Language, ct);
            parts = new EventParts(e, mission, await keys.ForAsync(e, ct), InvitationLanguages.Of(e, mission), texts, await EventVoice.OfAsync(db, e, mission, ct));
            _events[eventId] = parts;
        }
        return parts;
    }

    public void Dispose()
    {
        foreach (var parts in _events.Values)
        {
            parts.Keys.Dispose();
        }
        _events.Clear();
    }

    public const string RendererName = "invitation";

    public string Name => RendererName;

    public Task<MimeMessage> RenderAsync(OutboxMessage message, CancellationToken ct) =>
        ComposeAsync(message.AboutId ?? Guid.Empty, preview: false, KindOf(message.DedupKey), ct);

    /// <summary>What a queued message to a guest is, from its key (InvitationSender's prefixes).</summary>
    public static GuestMailKind KindOf(string dedupKey) =>
        dedupKey.StartsWith(InvitationSender.ReminderPrefix, StringComparison.Ordinal) ? GuestMailKind.Reminder
        : dedupKey.StartsWith(InvitationSender.PlacePrefix, StringComparison.Ordinal) ? GuestMailKind.Place
        : GuestMailKind.Invitation;

    /// <summary>The guest's invitation (or reminder, or word of a place) exactly as it goes out: what the worker sends, and what the office previews.</summary>
    public async Task<MimeMessage> ComposeAsync(Guid guestId, bool preview, GuestMailKind kind = GuestMailKind.Invitation, CancellationToken ct = default)
    {
        var guest = await db.Guests.Include(g => g.Contact).AsNoTracking().FirstOrDefaultAsync(g => g.Id == guestId, ct)
            ?? throw new InvalidOperationException("The guest of this invitation is no longer on the list.");
        var parts = await PartsAsync(guest.EventId, ct);
        var (e, mission, eventKeys, languages, _, _) = parts;
        var language = guest.InvitationLanguage ?? InvitationLanguages.For(guest.Contact?.Language, languages);
        var card = InvitationWording.Card(e, guest, language, OfficeOf(mission), answeredAlready: IsAnsweredAlready(guest), practice: mission.AddressPractice, words: parts.WordsIn(language), kind: kind);
        var token = GuestSecrets.Token(eventKeys.Secret, guest.Id);
        var link = RsvpLink(mission, token);
        var typed = GuestSecrets.TypedCode(eventKeys.Secret, guest.Id);
        var doorCode = DoorCodes.Sign(eventKeys.SigningKey, new DoorPass(e.Id, guest.Id, 0));

        var mail = new MimeMessage { Subject = card.Subject };
        // From: the installation's address under the mission's name, which is who the guest sees writing to them.
        if (MailboxAddress.TryParse(email.Value.From, out var from))
        {
            mail.From.Add(new MailboxAddress(mission.Name, from.Address));
        }
        if (mission.ReplyEmail is { } replyTo)
        {
            mail.ReplyTo.Add(new MailboxAddress(mission.Name, replyTo));
        }
        var address = guest.Contact!.Email ?? (preview ? "no-address@invalid"
            : throw new InvalidOperationException("The guest has no e-mail address any more; print their card instead."));
        mail.To.Add(new MailboxAddress(guest.Contact.DisplayName, address));
        var body = new BodyBuilder { TextBody = Text(card, link, typed), HtmlBody = "" };
        var qr = body.LinkedResources.Add("door-code.png", QrPng(doorCode), new ContentType("image", "png"));
        qr.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        body.HtmlBody = Html(card, InvitationTexts.For(language).Reply, link, typed, qr.ContentId);
        body.Attachments.Add("invitation.ics", Encoding.UTF8.GetBytes(Calendar(e, card, link)), new ContentType("text", "calendar") { Parameters = { { "method", "PUBLISH" } } });
        mail.Body = body.ToMessageBody();
        return mail;
    }

    /// <summary>An invitation on paper: the card, the personal link, the typed code and the QR image.</summary>
    public sealed record PrintedCard(Guest Guest, InvitationCard Card, string Link, string TypedCode, byte[] QrPng);

    /// <summary>The cards of guests already invited (by e-mail or by hand), as the e-mail writes them, for printing.</summary>
    public async Task<List<PrintedCard>> PrintedCardsAsync(Event e, IReadOnlyList<Guest> guests, CancellationToken ct = default)
    {
        var parts = await PartsAsync(e.Id, ct);
        var (_, mission, eventKeys, languages, _, _) = parts;
        return [.. guests.Select(g =>
        {
            var language = g.InvitationLanguage ?? InvitationLanguages.For(g.Contact?.Language, languages);
            var card = InvitationWording.Card(e, g, language, OfficeOf(mission), answeredAlready: IsAnsweredAlready(g), practice: mission.AddressPractice, words: parts.WordsIn(language));
            return new PrintedCard(g, card, $"{urls.LinksOf(mission)}/rsvp/{GuestSecrets.Token(eventKeys.Secret, g.Id)}", GuestSecrets.TypedCode(eventKeys.Secret, g.Id),
                QrPng(DoorCodes.Sign(eventKeys.SigningKey, new DoorPass(e.Id, g.Id, 0))));
        })];
    }

    /// <summary>The protocol office's address guests answer to: the mission's own, else the installation's sender.</summary>
    public string OfficeOf(Missions.Mission mission) => mission.ReplyEmail ?? email.Value.From;

    /// <summary>
    /// The guest's card as their invitation and their reply page both show it: in the language the invitation went in
    /// (else the one it would go in), with the event's own words in that language.
    /// </summary>
    public async Task<(string Language, InvitationCard Card)> CardAsync(Guest guest, Event e, Missions.Mission mission, GuestMailKind kind = GuestMailKind.Invitation, CancellationToken ct = default)
    {
        var language = guest.InvitationLanguage ?? InvitationLanguages.For(guest.Contact?.Language, InvitationLanguages.Of(e, mission));
        var own = await db.InvitationTexts.AsNoTracking().FirstOrDefaultAsync(t => t.EventId == e.Id && t.Language == language, ct);
        var words = EventWords.For(e, await EventVoice.OfAsync(db, e, mission, ct), own, language);
        return (language, InvitationWording.Card(e, guest, language, OfficeOf(mission), answeredAlready: IsAnsweredAlready(guest), practice: mission.AddressPractice, words: words, kind: kind));
    }

    // An answer the office recorded (by phone, by letter) rather than the guest on their page: the card only reminds (p.m.).
    private static bool IsAnsweredAlready(Guest guest) => guest.Rsvp != RsvpAnswer.Pending && guest.AnsweredAt is null;


    /// <summary>
    /// The guest's reply page as the invitation links it, for whatever else carries it (the calendar file): never
    /// from the request's Host header, which whoever sends the request chooses.
    /// </summary>
    public string RsvpLink(Missions.Mission mission, string token) => $"{urls.LinksOf(mission)}/rsvp/{token}";

    public static byte[] QrPng(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    private static string Text(InvitationCard card, string link, string typed) => string.Join("\n\n", new[]
    {
        card.Lead, card.Title, card.Salutation, card.Request, card.When, card.Dress, card.Company, card.Signature, card.Reply, link, CodeLine(card, typed),
    }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The typed door code on its line, labelled in the card's language ("Code: …", "入场码：…").</summary>
    public static string CodeLine(InvitationCard card, string typed) =>
        TextTemplates.Fill(card.CodeLine, new Dictionary<string, string> { ["code"] = typed }, System.Globalization.CultureInfo.InvariantCulture);

    private static string Html(InvitationCard card, string reply, string link, string typed, string qrId)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var dir = card.RightToLeft ? "rtl" : "ltr";
        return $"""
            <!DOCTYPE html>
            <html lang="{E(card.Language)}" dir="{dir}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(card.Subject)}</title></head>
            <body style="font-family: Georgia, 'Noto Serif', serif; color: #111; margin: 0; padding: 12px;">
            <div style="max-width: 560px; box-sizing: border-box; margin: 0 auto; text-align: center; border: 1px solid #bbb; padding: 24px 16px;">
            {(card.Lead is null ? "" : $"<p style=\"font-size: 16px; font-weight: bold;\">{E(card.Lead)}</p>")}
            <h1 style="font-size: 20px; font-weight: normal; letter-spacing: 0.02em;">{E(card.Title)}</h1>
            {(card.Salutation is null ? "" : $"<p style=\"font-size: 18px;\">{E(card.Salutation)}</p>")}
            <p style="font-size: 18px; line-height: 1.6;">{E(card.Request)}</p>
            <p style="font-size: 16px;">{E(card.When)}</p>
            {(card.Dress is null ? "" : $"<p style=\"font-size: 14px;\">{E(card.Dress)}</p>")}
            {(card.Company is null ? "" : $"<p style=\"font-size: 14px;\">{E(card.Company)}</p>")}
            {(card.Signature is null ? "" : $"<p style=\"font-size: 16px; text-align: end;\">{E(card.Signature)}</p>")}
            <p style="font-size: 14px;">{E(card.Reply)}</p>
            <p><a href="{E(link)}" style="display: inline-block; padding: 10px 24px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 4px; font-size: 16px;">{E(reply)}</a></p>
            <p dir="ltr" style="font-size: 12px; color: #444; word-break: break-all;">{E(link)}</p>
            <p><img src="cid:{E(qrId)}" alt="QR" width="200" height="200"></p>
            <p style="font-family: monospace; font-size: 16px;">{E(CodeLine(card, typed))}</p>
            </div>
            </body>
            </html>
            """;
    }

    public static string Calendar(Event e, InvitationCard card, string link)
    {
        var calendar = new Calendar { Method = "PUBLISH" };
        calendar.AddTimeZone(e.TimeZone);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{e.Id}@chancery",
            Summary = card.Title,
            Start = new CalDateTime(e.StartsAtLocal, e.TimeZone),
            End = new CalDateTime(e.EndsAtLocal ?? e.StartsAtLocal.AddHours(2), e.TimeZone),
            Location = card.Venue,
            Description = $"{card.Request}\n{link}",
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
