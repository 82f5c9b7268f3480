using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Door;

/// <summary>The door page without script: a code, a name in any script, the answer in words and colour, once.</summary>
public sealed class DoorPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Door_staff_admit_by_code_and_by_name_and_a_page_sent_twice_admits_once()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var office = await app.ApiClientAsync(await app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await office.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await office.PostAsJsonAsync("/api/events", new { title = "National Day", startsAt = "2027-02-26T18:00", timeZone = "Europe/Helsinki", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        (await office.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var wang = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "wang.wei@china.example.org").Select(g => g.Id).SingleAsync());
        var olga = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "olga.ivanova@russia.example.org").Select(g => g.Id).SingleAsync());
        (await office.PutAsJsonAsync($"/api/events/{id}/guests/{wang}", new { note = "VIP: greet by the Ambassador" })).EnsureSuccessStatusCode();
        var (_, typed, _) = await app.GuestCodesAsync(mission.Id, id, wang);
        using var door = await StaffSession.SignInAsync(app, await app.CreateUserAsync(mission.Id, MissionRole.Door));
        var url = $"/staff/events/{id}/door?station=Main%20door";

        // A station not named yet is the main door: the first scan is not refused for want of a name.
        var opened = await door.GetPageAsync($"/staff/events/{id}/door");
        Assert.Equal("Main door", opened.QuerySelector("form.door-station input[name=station]")!.GetAttribute("value"));
        Assert.Contains("Main door", opened.QuerySelector(".door-mode-station")!.TextContent);

        var admitted = await StaffSession.ReadAsync(await door.SubmitAsync(url, "form.door-scan", new() { ["code"] = typed.ToLowerInvariant() }));
        var answer = admitted.QuerySelector(".door-answer.admitted")!;
        Assert.Contains("王伟", answer.TextContent);
        Assert.Contains("VIP: greet by the Ambassador", answer.QuerySelector(".door-note")!.TextContent);
        // The wrong guest tapped: undone on the spot, then admitted again.
        var undo = admitted.QuerySelector("form.door-undo")!;
        var undoFields = new FormUrlEncodedContent(undo.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)));
        var undone = await StaffSession.ReadAsync(await door.Client.PostAsync(undo.GetAttribute("action"), undoFields));
        Assert.Contains("undone", undone.QuerySelector(".notice")!.TextContent);
        Assert.NotNull((await StaffSession.ReadAsync(await door.SubmitAsync(url, "form.door-scan", new() { ["code"] = typed }))).QuerySelector(".door-answer.admitted"));
        var again = await StaffSession.ReadAsync(await door.SubmitAsync(url, "form.door-scan", new() { ["code"] = typed }));
        Assert.Contains("Main door", again.QuerySelector(".door-answer.already")!.TextContent);
        var nobody = await StaffSession.ReadAsync(await door.SubmitAsync(url, "form.door-scan", new() { ["code"] = "<b>bogus</b>" }));
        Assert.Contains("Not on the list", nobody.QuerySelector(".door-answer.unknown")!.TextContent);

        // By name, in Cyrillic; the same form sent twice (a double tap) admits once and says so alike.
        var found = await door.GetPageAsync($"{url}&find={Uri.EscapeDataString("Иванова")}");
        var admit = found.QuerySelector($"form[action*='Admit']:has(input[value='{olga}'])")!;
        var fields = new FormUrlEncodedContent(admit.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)));
        var body = await fields.ReadAsStringAsync();
        var first = await StaffSession.ReadAsync(await door.Client.PostAsync(admit.GetAttribute("action"), new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")));
        var twice = await StaffSession.ReadAsync(await door.Client.PostAsync(admit.GetAttribute("action"), new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")));
        Assert.NotNull(first.QuerySelector(".door-answer.admitted"));
        Assert.NotNull(twice.QuerySelector(".door-answer.admitted"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == olga)));

        // The aide's receiving line shows the ambassador who came in, addressed as the card addresses him; Olga (no head
        // of mission, no "greet") is not there.
        var line = await door.GetPageAsync($"/staff/events/{id}/receiving-line");
        var greeted = line.QuerySelectorAll(".receiving-name").Select(n => n.TextContent).ToList();
        Assert.Equal(["H.E. 王伟"], greeted);
        Assert.Contains("Embassy of China", line.QuerySelector(".receiving li")!.TextContent);

        // The door finds people by name, not by e-mail address.
        Assert.Empty((await door.GetPageAsync($"{url}&find=russia.example")).QuerySelectorAll(".door-matches li"));

        // Another mission's door finds no such event.
        using var stranger = await StaffSession.SignInAsync(app, await app.CreateUserAsync((await app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);

        // Someone not on the list, let in from the page: admitted at once, their name encoded like any other.
        var walkIn = await StaffSession.ReadAsync(await door.SubmitAsync(url, ".door-walkin form", new() { ["firstName"] = "<i>Jane</i>", ["lastName"] = "Walker", ["organization"] = "Foreign Press Club" }));
        Assert.Contains("<i>Jane</i> Walker", walkIn.QuerySelector(".door-answer.admitted .door-name")!.TextContent);
        Assert.Null(walkIn.QuerySelector(".door-answer i"));
        Assert.Equal("Main door", await app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().Where(a => a.EventId == id && db.Guests.Any(g => g.Id == a.GuestId && g.WalkIn)).Select(a => a.Station).SingleAsync()));

        // What door.js keeps for offline use, and the queue it sends back: the station's own event only, and the
        // upload only with the page's anti-forgery token (a cross-site form could otherwise post a queue).
        var dataUrl = $"/staff/events/{id}/door?handler=Data";
        var data = await door.Client.GetAsync(dataUrl);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal("no-store", data.Headers.CacheControl?.ToString());
        Assert.Contains("typedCodeHashes", await data.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(dataUrl)).StatusCode);
        var page = await door.GetPageAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var nino = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "nino.beridze@georgia.example.org").Select(g => g.Id).SingleAsync());
        var queue = JsonContent.Create(new { station = "Garden gate", scans = new object[] { new { guestId = nino, nonce = "g-1", scannedAt = DateTimeOffset.UtcNow, admittedOffline = true } } });
        Assert.Equal(HttpStatusCode.BadRequest, (await door.Client.PostAsync($"/staff/events/{id}/door?handler=Upload", queue)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == nino)));
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/staff/events/{id}/door?handler=Upload") { Content = queue };
        upload.Headers.Add("RequestVerificationToken", token);
        var answers = await (await door.Client.SendAsync(upload)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement[]>();
        Assert.Equal("admitted", answers!.Single().GetProperty("result").GetString());
        Assert.Equal("Garden gate", await app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().Where(a => a.GuestId == nino).Select(a => a.Station).SingleAsync()));

        // Signing out, from any page, tells the browser to drop what it stored for the door.
        var signOut = await door.SubmitAsync(url, "form[action='/account/logout']", new());
        Assert.Equal("\"storage\"", signOut.Headers.GetValues("Clear-Site-Data").Single());
    }

    [Fact]
    public async Task A_guest_who_declined_is_let_in_only_on_a_Protocol_officers_decision_with_a_reason_and_once()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var protocolEmail = await app.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var office = await app.ApiClientAsync(protocolEmail);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await office.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await office.PostAsJsonAsync("/api/events", new { title = "National Day", startsAt = "2027-02-26T18:00", timeZone = "Europe/Helsinki", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        (await office.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var olga = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "olga.ivanova@russia.example.org").Select(g => g.Id).SingleAsync());
        (await office.PutAsJsonAsync($"/api/events/{id}/guests/{olga}", new { rsvp = "declined" })).EnsureSuccessStatusCode();
        var (_, typed, _) = await app.GuestCodesAsync(mission.Id, id, olga);
        var url = $"/staff/events/{id}/door?station=Garden%20gate";

        // At the door staff's station: declined, and nothing to decide there.
        using var door = await StaffSession.SignInAsync(app, await app.CreateUserAsync(mission.Id, MissionRole.Door));
        var refused = await StaffSession.ReadAsync(await door.SubmitAsync(url, "form.door-scan", new() { ["code"] = typed }));
        Assert.NotNull(refused.QuerySelector(".door-answer.declined"));
        Assert.Null(refused.QuerySelector("form.door-decision"));
        var token = (await door.GetPageAsync(url)).QuerySelector("form.door-scan input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forbidden = await door.Client.PostAsync($"/staff/events/{id}/door?handler=LetIn&station=Main", new FormUrlEncodedContent([new("guest", olga.ToString()), new("reason", "x"), new("__RequestVerificationToken", token)]));
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);

        // The Protocol officer decides, and must say why.
        using var protocol = await StaffSession.SignInAsync(app, protocolEmail);
        var page = await StaffSession.ReadAsync(await protocol.SubmitAsync(url, "form.door-scan", new() { ["code"] = typed }));
        var decision = page.QuerySelector("form.door-decision")!;
        Task<HttpResponseMessage> DecideAsync(string reason) => protocol.Client.PostAsync(decision.GetAttribute("action"), new FormUrlEncodedContent([
            new("guest", decision.QuerySelector("[name=guest]")!.GetAttribute("value")!), new("reason", reason),
            new("__RequestVerificationToken", decision.QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        var noReason = await StaffSession.ReadAsync(await DecideAsync(" "));
        Assert.Contains("Say why", noReason.QuerySelector(".error-summary")!.TextContent);
        var letIn = await StaffSession.ReadAsync(await DecideAsync("The Ambassador asked for her to be let in"));
        Assert.NotNull(letIn.QuerySelector(".door-answer.admitted"));
        var twice = await StaffSession.ReadAsync(await protocol.SubmitAsync(url, "form.door-scan", new() { ["code"] = typed }));
        Assert.NotNull(twice.QuerySelector(".door-answer.already"));
        Assert.Contains("Garden gate", twice.QuerySelector(".door-answer")!.TextContent);

        var logged = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == olga.ToString() && a.Action == "LetInByDecision").Select(a => a.Changes).SingleAsync());
        Assert.Contains("The Ambassador asked for her to be let in", logged);
        Assert.Equal("Declined", await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == olga).Select(g => g.Rsvp.ToString()).SingleAsync()));
    }
}
