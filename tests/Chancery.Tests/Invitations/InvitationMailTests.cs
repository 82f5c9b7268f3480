using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Data;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Tests.Invitations;

/// <summary>
/// API.md "Invitations and RSVP", through a real SMTP server: each guest's invitation once, in their language,
/// with the link, the QR image as a cid: part, the typed code and the calendar file.
/// </summary>
public abstract partial class InvitationMailTests(string provider) : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new SmtpTestServer().Start();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture)),
            ("Email:Smtp:Security", "None"), ("Email:RunWorker", "false"), ("Email:From", "protocol@embassy.example"), ("PublicBaseUrl", "https://events.embassy.example"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) // not started: a PostgreSQL test skipped here
        {
            await _app.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<(HttpClient Api, string EventId, Guid MissionId)> EventWithGuestsAsync(string startsAt = "2026-02-26T15:00", string endsAt = "2026-02-26T17:00", string rsvpBy = "2026-02-20")
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "the National Day reception",
            startsAt,
            endsAt,
            timeZone = "Asia/Shanghai",
            venue = "Residence of the Ambassador",
            hosts = "The Ambassador of Finland",
            rsvpBy,
            languages = (string[])["en", "zh", "ar"],
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = e.GetProperty("id").GetString()!;
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        return (api, id, mission.Id);
    }

    private async Task<List<MimeMessage>> SendAllAsync()
    {
        var worker = _app.Services.GetRequiredService<OutboxWorker>();
        while (await worker.SendDueAsync(CancellationToken.None) > 0)
        {
        }
        var received = new List<MimeMessage>();
        while (_smtp.TryTake(out var message))
        {
            received.Add(message!);
        }
        return received;
    }

    private static string Html(MimeMessage m) => m.HtmlBody ?? "";

    [Fact]
    public async Task Each_guest_receives_one_invitation_in_their_language_with_link_QR_code_typed_code_and_calendar()
    {
        var (api, id, _) = await EventWithGuestsAsync();

        var first = await (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var mail = await SendAllAsync();

        Assert.Equal(10, first.GetProperty("queued").GetInt32());
        Assert.Equal((0, 10), (again.GetProperty("queued").GetInt32(), again.GetProperty("alreadyInvited").GetInt32()));
        Assert.Equal(10, mail.Count);
        Assert.Equal(10, mail.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());

        // English for the WHO representative (an Excellency as head of an international organization), Chinese for
        // the Chinese ambassador, Arabic (right to left) for the Jordanian one, the default English for the Russian counsellor.
        var nwosu = mail.Single(m => m.To.Mailboxes.Single().Address == "amara.nwosu@who.example.int");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", Html(nwosu));
        Assert.Contains("The Ambassador of Finland requests the pleasure of the company of H.E. Dr. Amara Nwosu at the National Day reception", nwosu.TextBody);
        Assert.Contains("on 26 February 2026 at 15:00, Residence of the Ambassador", nwosu.TextBody);
        Assert.Contains("R.S.V.P. by 20 February 2026: protocol@embassy.example", nwosu.TextBody);
        var wang = mail.Single(m => m.To.Mailboxes.Single().Address == "wang.wei@china.example.org");
        Assert.Contains("<html lang=\"zh\" dir=\"ltr\">", Html(wang));
        Assert.Contains("王伟阁下", wang.TextBody);
        Assert.Contains("谨订于2026年2月26日下午3:00举行", wang.TextBody);
        var rana = mail.Single(m => m.To.Mailboxes.Single().Address == "rana.alkhatib@jordan.example.org");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", Html(rana));
        Assert.Contains("سعادة رنا الخطيب", rana.TextBody);
        Assert.Contains("<html lang=\"en\"", Html(mail.Single(m => m.To.Mailboxes.Single().Address == "olga.ivanova@russia.example.org")));

        // The parts: the QR code as a PNG the HTML shows through cid:, the typed code, the link, the calendar in the venue's zone.
        var png = nwosu.BodyParts.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("image", "png"));
        Assert.Contains($"cid:{png.ContentId}", Html(nwosu));
        Assert.DoesNotContain("data:image", Html(nwosu));
        Assert.Matches(TypedCodeLine(), nwosu.TextBody);
        var link = RsvpLink().Match(nwosu.TextBody ?? "");
        Assert.True(link.Success, nwosu.TextBody);
        var ics = nwosu.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        using var icsText = new StreamReader(ics.Content!.Open());
        var calendar = await icsText.ReadToEndAsync();
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20260226T150000", calendar);
        Assert.Contains("DTEND;TZID=Asia/Shanghai:20260226T170000", calendar);
        Assert.Contains("BEGIN:VTIMEZONE", calendar);

        // Only the token's hash is kept, and it is the hash of the token in the link.
        var stored = await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Include(g => g.Contact).Where(g => g.Contact!.Email == "amara.nwosu@who.example.int").Select(g => g.RsvpTokenHash).SingleAsync());
        Assert.Equal(GuestSecrets.TokenHash(link.Groups[1].Value), stored);
        Assert.DoesNotContain(link.Groups[1].Value, stored, StringComparison.Ordinal);

        // Kept for a person to look at (the QR image inlined, as a mail client shows it).
        var samples = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "mail-samples")).FullName;
        foreach (var (name, message) in new[] { ("en", nwosu), ("zh", wang), ("ar", rana) })
        {
            var qr = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("image", "png"));
            using var bytes = new MemoryStream();
            await qr.Content!.DecodeToAsync(bytes);
            await File.WriteAllTextAsync(Path.Combine(samples, $"invitation-{name}.html"),
                Html(message).Replace($"cid:{qr.ContentId}", "data:image/png;base64," + Convert.ToBase64String(bytes.ToArray()), StringComparison.Ordinal));
        }

        var status = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/invitations"))!;
        Assert.Equal(10, status.Count(s => s.GetProperty("status").GetString() == "sent"));
        // Once sent, no copy of an invitation (with its link and door code) stays in the outbox; the event's keys are not in the audit log.
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupKey.StartsWith("invitation:") && m.Mime != null)));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == "EventKey")));
        Assert.Contains(status, s => s.GetProperty("language").GetString() == "ar");
    }

    [Fact]
    public async Task An_invitation_not_yet_sent_to_a_guest_taken_off_the_list_is_never_sent()
    {
        var (api, id, _) = await EventWithGuestsAsync();
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var olga = await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "olga.ivanova@russia.example.org").Select(g => g.Id).SingleAsync());
        var missionId = await _app.WithDbAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == Guid.Parse(id)).Select(e => e.MissionId).SingleAsync());
        using (var scope = _app.BackgroundScope(missionId))
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Chancery.Domain.Guests.GuestList>().RemoveAsync(Guid.Parse(id), [olga]));
        }

        var mail = await SendAllAsync();

        Assert.Equal(9, mail.Count);
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Single().Address == "olga.ivanova@russia.example.org");
    }

    [Fact]
    public async Task An_answer_taken_by_phone_before_the_card_goes_makes_it_say_pm_and_the_list_shows_what_was_sent()
    {
        var (api, id, missionId) = await EventWithGuestsAsync();
        await _app.WithDbAsync(db => db.Missions.IgnoreQueryFilters().Where(m => m.Id == missionId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReplyEmail, "rsvp@finland.example")));
        var guests = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=name"))!;
        var wang = guests.Single(g => g.GetProperty("contact").GetProperty("email").GetString() == "wang.wei@china.example.org").GetProperty("id").GetString();
        Assert.All(guests, g => Assert.Equal("notSent", g.GetProperty("invitation").GetString()));

        var phoned = await api.PutAsJsonAsync($"/api/events/{id}/guests/{wang}", new { rsvp = "accepted", plusOnes = 1 });
        var bad = await api.PutAsJsonAsync($"/api/events/{id}/guests/{wang}", new { rsvp = "maybe" });
        var unknown = await api.PutAsJsonAsync($"/api/events/{id}/guests/{Guid.NewGuid()}", new { rsvp = "accepted" });
        Assert.Equal(HttpStatusCode.OK, phoned.StatusCode);
        var dto = await phoned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("accepted", 1), (dto.GetProperty("rsvp").GetString(), dto.GetProperty("plusOnes").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = await SendAllAsync();

        Assert.Contains("备忘", mail.Single(m => m.To.Mailboxes.Single().Address == "wang.wei@china.example.org").TextBody);
        // Answers go to the mission's protocol office, not to the installation's sending address.
        var nwosu = mail.Single(m => m.To.Mailboxes.Single().Address == "amara.nwosu@who.example.int");
        Assert.Equal("rsvp@finland.example", nwosu.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains(": rsvp@finland.example", nwosu.TextBody);
        Assert.All((await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=name"))!, g => Assert.Equal("sent", g.GetProperty("invitation").GetString()));
    }

    [Fact]
    public async Task Markup_in_a_name_is_text_in_the_invitation_and_only_the_protocol_office_may_send()
    {
        var (api, id, missionId) = await EventWithGuestsAsync();
        var created = await (await api.PostAsJsonAsync("/api/contacts", new { firstName = "<img src=x onerror=alert(1)>", lastName = "<b>Bold</b>", email = "markup@example.org" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var added = await (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { contactIds = new[] { created.GetProperty("id").GetString() } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, added.GetProperty("added").GetInt32());
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(missionId, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).StatusCode);
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Protocol));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).StatusCode);
        // Nor take an answer by phone, nor read the invitations' status: a door user is refused, another mission finds nothing.
        var someGuest = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests"))![0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PutAsJsonAsync($"/api/events/{id}/guests/{someGuest}", new { rsvp = "accepted" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/events/{id}/guests/{someGuest}", new { rsvp = "accepted" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/events/{id}/invitations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/events/{id}/invitations")).StatusCode);

        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = (await SendAllAsync()).Single(m => m.To.Mailboxes.Single().Address == "markup@example.org");

        Assert.DoesNotContain("<img src=x", Html(mail), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold</b>", Html(mail), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt;", Html(mail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guest_answers_on_their_own_page_in_their_language_until_the_deadline_and_sees_only_their_invitation()
    {
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(60);
        var (api, id, _) = await EventWithGuestsAsync($"{day:yyyy-MM-dd}T15:00", $"{day:yyyy-MM-dd}T17:00", $"{day.AddDays(-10):yyyy-MM-dd}");
        // The office invites Wang with his wife; Rana's husband is not invited.
        await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "wang.wei@china.example.org")
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.WithPartner, true)));
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = await SendAllAsync();
        string LinkOf(string address) => RsvpLink().Match(mail.Single(m => m.To.Mailboxes.Single().Address == address).TextBody ?? "").Groups[1].Value;
        var wangToken = LinkOf("wang.wei@china.example.org");
        var ranaToken = LinkOf("rana.alkhatib@jordan.example.org");
        using var guest = StaffSession.Anonymous(_app);

        // In the guest's language and direction, about this guest only.
        var page = await guest.GetPageAsync($"/rsvp/{wangToken}");
        Assert.Equal(("zh", "ltr"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Contains("王伟阁下", page.Body!.TextContent);
        Assert.DoesNotContain("Nwosu", page.Body.TextContent);
        Assert.DoesNotContain("الخطيب", page.Body.TextContent);
        var arabic = await guest.GetPageAsync($"/rsvp/{ranaToken}");
        Assert.Equal(("ar", "rtl"), (arabic.DocumentElement.GetAttribute("lang"), arabic.DocumentElement.GetAttribute("dir")));

        // Accept, with the partner and a note in markup; more plus-ones than allowed come to the allowance (none).
        var answered = await guest.SubmitAsync($"/rsvp/{wangToken}", "form.rsvp-form", new()
        {
            ["response"] = "accept",
            ["withPartner"] = "true",
            ["plusOnes"] = "3",
            ["note"] = "<script>alert(1)</script> no shellfish",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var after = await guest.Client.GetStringAsync($"/rsvp/{wangToken}");
        Assert.Contains("data:image/png;base64,", after);
        Assert.Matches(@"入场码：[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}", after); // the label in the guest's language
        Assert.DoesNotContain("<script>alert(1)", after, StringComparison.Ordinal);
        var calendar = await guest.Client.GetStringAsync($"/rsvp/{wangToken}?handler=Calendar");
        Assert.Contains("BEGIN:VCALENDAR", calendar);
        // Its link is the invitation's, whatever Host header the request came with (a link is never the sender's to choose).
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, $"/rsvp/{wangToken}?handler=Calendar") { Headers = { Host = "attacker.example" } };
        var fromSpoofed = await (await guest.Client.SendAsync(spoofed)).Content.ReadAsStringAsync();
        Assert.Contains($"https://events.embassy.example/rsvp/{wangToken}", fromSpoofed.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", fromSpoofed, StringComparison.Ordinal);

        // The answer is on the guest list at once.
        var onList = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=name"))!
            .Single(g => g.GetProperty("contact").GetProperty("email").GetString() == "wang.wei@china.example.org");
        Assert.Equal(("accepted", 0), (onList.GetProperty("rsvp").GetString(), onList.GetProperty("plusOnes").GetInt32()));
        Assert.Equal("<script>alert(1)</script> no shellfish", onList.GetProperty("answerNote").GetString());
        Assert.True(onList.GetProperty("withPartner").GetBoolean());
        var stored = await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Include(g => g.Contact).SingleAsync(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "wang.wei@china.example.org"));
        Assert.True(stored.WithPartner);
        Assert.Equal("<script>alert(1)</script> no shellfish", stored.AnswerNote);

        // Erasing the person on request takes what they wrote with their answer too.
        var wangContact = onList.GetProperty("contact").GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/contacts/{wangContact}/erase", new { })).EnsureSuccessStatusCode();
        Assert.Null(await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.ContactId == Guid.Parse(wangContact!)).Select(g => g.AnswerNote).SingleAsync()));

        // A partner the invitation did not name is neither offered nor taken.
        Assert.Null((await guest.GetPageAsync($"/rsvp/{ranaToken}")).QuerySelector("[name=withPartner]"));
        await guest.SubmitAsync($"/rsvp/{ranaToken}", "form.rsvp-form", new() { ["response"] = "accept", ["withPartner"] = "true" });
        Assert.False(await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "rana.alkhatib@jordan.example.org").Select(g => g.WithPartner).SingleAsync()));
        await guest.SubmitAsync($"/rsvp/{ranaToken}", "form.rsvp-form", new() { ["response"] = "decline" });

        // A wrong or tampered link is 404, whatever its length.
        Assert.Equal(HttpStatusCode.NotFound, (await guest.Client.GetAsync($"/rsvp/{wangToken[..^1]}{(wangToken[^1] == 'x' ? 'y' : 'x')}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.Client.GetAsync("/rsvp/short")).StatusCode);

        // After the deadline the page reads only, with the office's address, and an answer posted anyway changes nothing.
        _app.Clock.Advance(TimeSpan.FromDays(55));
        var closed = await guest.GetPageAsync($"/rsvp/{ranaToken}");
        Assert.Contains("protocol@embassy.example", closed.QuerySelector(".confirm")!.TextContent);
        Assert.Null(closed.QuerySelector("form.rsvp-form"));
        var late = await guest.Client.PostAsync($"/rsvp/{ranaToken}", new FormUrlEncodedContent([new("response", "accept")]));
        Assert.NotEqual(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal("Declined", await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "rana.alkhatib@jordan.example.org").Select(g => g.Rsvp.ToString()).SingleAsync()));
    }

    // The label is in the guest's language (docs/api.md): "Code: " in English, "رمز الدخول: " in Arabic.
    [GeneratedRegex(@"(?m)^(?:Code: |رمز الدخول: |入场码：)[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$")]
    private static partial Regex TypedCodeLine();

    [GeneratedRegex(@"https://events\.embassy\.example/rsvp/([A-Za-z0-9_-]{22})\b")]
    private static partial Regex RsvpLink();
}

public sealed class InvitationMailTestsOnSqlite() : InvitationMailTests(DatabaseSetup.Sqlite);

public sealed class InvitationMailTestsOnPostgres() : InvitationMailTests(DatabaseSetup.Postgres);
