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
        _app = provider == DatabaseSetup.Postgres ? new PostgresTestApp() : new TestApp();
        _app.With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", "None").With("Email:RunWorker", "false").With("Email:From", "protocol@embassy.example")
            .With("PublicBaseUrl", "https://events.embassy.example");
        await _app.InitializeAsync();
        _app.Ready();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<(HttpClient Api, string EventId, Guid MissionId)> EventWithGuestsAsync()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "the National Day reception",
            startsAt = "2026-02-26T15:00",
            endsAt = "2026-02-26T17:00",
            timeZone = "Asia/Shanghai",
            venue = "Residence of the Ambassador",
            hosts = "The Ambassador of Finland and Mrs Virtanen",
            rsvpBy = "2026-02-20",
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
        Assert.Contains("request the pleasure of the company of H.E. Dr. Amara Nwosu at the National Day reception", nwosu.TextBody);
        Assert.Contains("on 26 February 2026 at 15:00, Residence of the Ambassador", nwosu.TextBody);
        Assert.Contains("R.S.V.P. by 20 February 2026: protocol@embassy.example", nwosu.TextBody);
        var wang = mail.Single(m => m.To.Mailboxes.Single().Address == "wang.wei@china.example.org");
        Assert.Contains("<html lang=\"zh\" dir=\"ltr\">", Html(wang));
        Assert.Contains("王伟阁下", wang.TextBody);
        Assert.Contains("2026年2月26日 15:00", wang.TextBody);
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
        Assert.Contains(status, s => s.GetProperty("language").GetString() == "ar");
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

        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = (await SendAllAsync()).Single(m => m.To.Mailboxes.Single().Address == "markup@example.org");

        Assert.DoesNotContain("<img src=x", Html(mail), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold</b>", Html(mail), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt;", Html(mail), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^Code: [A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$")]
    private static partial Regex TypedCodeLine();

    [GeneratedRegex(@"https://events\.embassy\.example/rsvp/([A-Za-z0-9_-]{22})\b")]
    private static partial Regex RsvpLink();
}

public sealed class InvitationMailTestsOnSqlite() : InvitationMailTests(DatabaseSetup.Sqlite);

public sealed class InvitationMailTestsOnPostgres() : InvitationMailTests(DatabaseSetup.Postgres);
