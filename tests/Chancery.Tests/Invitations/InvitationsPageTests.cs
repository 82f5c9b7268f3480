using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Invitations;

/// <summary>The staff Invitations page: the card's words per language, a preview as the e-mail looks, sending, status.</summary>
public sealed class InvitationsPageTests(InvitationsPageTests.App app) : IClassFixture<InvitationsPageTests.App>
{
    /// <summary>The app with its public address set (invitations carry links to it); the tests say what the worker would have sent.</summary>
    public sealed class App : TestApp
    {
        public App() => With("PublicBaseUrl", "https://events.embassy.example").With("Email:RunWorker", "false");
    }

    [Fact]
    public async Task Without_a_public_address_the_office_is_told_before_anything_is_queued()
    {
        await using var bare = new TestApp();
        await bare.InitializeAsync();
        var mission = await bare.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await bare.ApiClientAsync(await bare.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var created = await (await api.PostAsJsonAsync("/api/contacts", new { firstName = "Aino", lastName = "Virtanen", email = "aino@example.org" })).Content.ReadFromJsonAsync<JsonElement>();
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "Reception", startsAt = "2027-02-26T18:00", timeZone = "Europe/Helsinki", venue = "Residence" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = e.GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { contactIds = new[] { created.GetProperty("id").GetString() } })).EnsureSuccessStatusCode();

        var refused = await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("PublicBaseUrl", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await bare.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().CountAsync()));
    }

    private async Task<(string Email, string EventId, Guid MissionId, HttpClient Api)> EventAsync()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await app.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var api = await app.ApiClientAsync(email);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "National Day reception",
            startsAt = $"{app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(60):yyyy-MM-dd}T15:00",
            timeZone = "Asia/Shanghai",
            venue = "Residence",
            hosts = "The Ambassador of Finland",
            languages = (string[])["en", "zh"],
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = e.GetProperty("id").GetString()!;
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        return (email, id, mission.Id, api);
    }

    [Fact]
    public async Task The_office_words_the_card_in_Chinese_previews_it_for_a_guest_as_it_will_arrive_and_sends_once()
    {
        var (email, id, _, _) = await EventAsync();
        using var session = await StaffSession.SignInAsync(app, email);

        var saved = await session.SubmitAsync($"/staff/events/{id}/invitations", "form#text-zh", new() { ["hosts"] = "芬兰驻华大使及夫人", ["occasion"] = "国庆招待会" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await session.GetPageAsync($"/staff/events/{id}/invitations");
        Assert.Equal("芬兰驻华大使及夫人", page.QuerySelector("form#text-zh [name=hosts]")!.GetAttribute("value"));
        Assert.Equal("zh", page.QuerySelector("form#text-zh")!.GetAttribute("lang"));

        var wang = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "wang.wei@china.example.org").Select(g => g.Id).SingleAsync());
        var preview = await session.Client.GetStringAsync($"/staff/events/{id}/invitations?preview={wang}");
        Assert.Contains("<html lang=\"zh\"", preview);
        // The host signs a Chinese card (落款) rather than speaking in it (docs/wording.md, "Chinese").
        Assert.Contains("举行国庆招待会，敬请王伟阁下光临", preview);
        Assert.Contains("芬兰驻华大使及夫人</p>", preview);
        Assert.Contains("data:image/png;base64,", preview);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/staff/events/{id}/invitations?preview={Guid.NewGuid()}")).StatusCode);

        await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='Send']", new() { ["confirmed"] = "true" });
        var again = await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='Send']", new() { ["confirmed"] = "true" });
        var after = await session.GetPageAsync(again.Headers.Location!.ToString());
        Assert.Contains("0 invitations on their way; 10 invited before", after.QuerySelector(".notice")!.TextContent);
        Assert.Equal(10, await app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupKey.StartsWith("invitation:") && db.Guests.IgnoreQueryFilters().Any(g => g.Id == m.AboutId && g.EventId == Guid.Parse(id)))));
        Assert.Contains("10", after.QuerySelector(".counts")!.TextContent);
    }

    [Fact]
    public async Task One_guests_invitation_is_sent_again_once_per_press_and_the_latest_tells_its_status()
    {
        var (email, id, _, api) = await EventAsync();
        using var session = await StaffSession.SignInAsync(app, email);
        await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='Send']", new() { ["confirmed"] = "true" });
        var wang = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "wang.wei@china.example.org").Select(g => g.Id).SingleAsync());
        int Rows(Chancery.Data.ChanceryDb db, Guid guest) => db.OutboxMessages.IgnoreQueryFilters().Count(m => m.AboutId == guest && m.DedupKey.StartsWith("invitation:"));

        // Still on its way: nothing to resend.
        var early = await session.Client.PostAsync($"/staff/events/{id}/invitations?handler=Resend", Form(await session.GetPageAsync($"/staff/events/{id}/invitations"), wang));
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(Rows(db, wang))));

        // Sent (as the worker would mark it), then resent: a second message, and twice pressing adds no third.
        await app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().Where(m => m.AboutId == wang).ExecuteUpdateAsync(x => x.SetProperty(m => m.Status, Chancery.Email.OutboxStatus.Sent)));
        var page = await session.GetPageAsync($"/staff/events/{id}/invitations");
        Assert.NotNull(page.QuerySelector($"form[action*='Resend'] input[value='{wang}']"));
        await session.Client.PostAsync($"/staff/events/{id}/invitations?handler=Resend", Form(page, wang));
        await session.Client.PostAsync($"/staff/events/{id}/invitations?handler=Resend", Form(page, wang));
        Assert.Equal(2, await app.WithDbAsync(db => Task.FromResult(Rows(db, wang))));
        var status = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/invitations"))!.Single(s => s.GetProperty("guestId").GetString() == wang.ToString());
        Assert.Equal("queued", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_office_reminds_the_guests_it_ticks_and_gives_a_waiting_guest_a_place()
    {
        var (email, id, _, _) = await EventAsync();
        using var session = await StaffSession.SignInAsync(app, email);
        await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='Send']", new() { ["confirmed"] = "true" });
        Guid GuestOf(Chancery.Data.ChanceryDb db, string address) => db.Guests.IgnoreQueryFilters().Single(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == address).Id;
        var wang = await app.WithDbAsync(db => Task.FromResult(GuestOf(db, "wang.wei@china.example.org")));
        var olga = await app.WithDbAsync(db => Task.FromResult(GuestOf(db, "olga.ivanova@russia.example.org")));
        var page = await session.GetPageAsync($"/staff/events/{id}/invitations");
        Assert.NotNull(page.QuerySelector("progress#progress-bar"));
        await app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().Where(m => m.AboutId == wang || m.AboutId == olga).ExecuteUpdateAsync(x => x.SetProperty(m => m.Status, Chancery.Email.OutboxStatus.Sent)));

        // Ticked: Wang. Only he is reminded.
        var reminded = await session.SubmitAsync($"/staff/events/{id}/invitations", "form#chosen", new() { ["guestIds"] = wang.ToString() }, submitter: "Remind");
        Assert.Contains("1 reminders on their way", (await session.GetPageAsync(reminded.Headers.Location!.ToString())).QuerySelector(".notice")!.TextContent);
        Assert.Equal([wang], await app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().Where(m => m.DedupKey.StartsWith("reminder:") && db.Guests.IgnoreQueryFilters().Any(g => g.Id == m.AboutId && g.EventId == Guid.Parse(id))).Select(m => m.AboutId!.Value).ToListAsync()));

        // Olga waits for a place; the office gives her one.
        await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == olga).ExecuteUpdateAsync(x => x
            .SetProperty(g => g.Rsvp, Chancery.Domain.Guests.RsvpAnswer.Waitlisted).SetProperty(g => g.WaitlistedAt, DateTimeOffset.UtcNow)));
        // Ten places; Wang comes with two more people: seven are free, counted as an answer is held to it.
        await app.WithDbAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == Guid.Parse(id)).ExecuteUpdateAsync(x => x.SetProperty(e => e.Capacity, 10)));
        await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Id != olga).ExecuteUpdateAsync(x => x
            .SetProperty(g => g.Rsvp, g => g.Id == wang ? Chancery.Domain.Guests.RsvpAnswer.Accepted : Chancery.Domain.Guests.RsvpAnswer.Pending)
            .SetProperty(g => g.PlusOnes, g => g.Id == wang ? 2 : 0).SetProperty(g => g.WithPartner, false)));
        var waiting = await session.GetPageAsync($"/staff/events/{id}/invitations");
        Assert.Contains("7 places are free now.", waiting.QuerySelector("#waiting")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(waiting.QuerySelector($"#waiting input[value='{olga}']"));
        Assert.Equal("1", waiting.QuerySelectorAll(".counts li").Single(li => li.TextContent.Contains("waiting list", StringComparison.Ordinal)).QuerySelector("strong")!.TextContent);
        await session.SubmitAsync($"/staff/events/{id}/invitations", $"form[action*='Promote']:has(input[value='{olga}'])", []);
        Assert.Equal("Accepted", await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == olga).Select(g => g.Rsvp.ToString()).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.AboutId == olga && m.DedupKey.StartsWith("place:"))));
        Assert.Null((await session.GetPageAsync($"/staff/events/{id}/invitations")).QuerySelector("#waiting"));
    }

    [Fact]
    public async Task Guests_without_an_e_mail_address_are_invited_by_hand_with_printed_cards_and_envelope_labels()
    {
        var (email, id, missionId, api) = await EventAsync();
        var created = await (await api.PostAsJsonAsync("/api/contacts", new { honorific = "Mr.", firstName = "Karim", lastName = "<b>Haddad</b>", language = "zh" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { contactIds = new[] { created.GetProperty("id").GetString() } })).EnsureSuccessStatusCode();
        using var session = await StaffSession.SignInAsync(app, email);

        var invited = await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='ByHand']", []);
        Assert.Equal($"/staff/events/{id}/print/invitations?who=byhand", invited.Headers.Location!.ToString());
        var cards = await session.GetPageAsync(invited.Headers.Location.ToString());

        // One card: his, in Chinese (the event's languages are English and Chinese), with the QR code, the typed code and a reply link that works.
        var card = Assert.Single(cards.QuerySelectorAll("article.invitation-card"));
        Assert.Equal(("zh", "ltr"), (card.GetAttribute("lang"), card.GetAttribute("dir")));
        Assert.Contains("&lt;b&gt;Haddad&lt;/b&gt;", card.InnerHtml, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Matches(@"^入场码：[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$", card.QuerySelector(".typed-code")!.TextContent);
        var link = new Uri(card.QuerySelector(".link")!.TextContent);
        using var guest = StaffSession.Anonymous(app);
        Assert.Equal("zh", (await guest.GetPageAsync(link.AbsolutePath)).DocumentElement.GetAttribute("lang"));
        var status = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/invitations"))!;
        Assert.Equal(1, status.Count(s => s.GetProperty("status").GetString() == "sent"));

        var labels = await session.GetPageAsync($"/staff/events/{id}/print/envelope-labels?who=byhand");
        Assert.Contains("Haddad", Assert.Single(labels.QuerySelectorAll(".label")).QuerySelector(".addressee")!.TextContent);
        // Pressing again invites nobody twice; the door may not print the cards (they carry the links and codes).
        await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='ByHand']", []);
        Assert.Single((await session.GetPageAsync($"/staff/events/{id}/print/invitations?who=byhand")).QuerySelectorAll("article.invitation-card"));
        using var door = await StaffSession.SignInAsync(app, await app.CreateUserAsync(missionId, MissionRole.Door));
        Assert.NotEqual(HttpStatusCode.OK, (await door.Client.GetAsync($"/staff/events/{id}/print/invitations?who=all")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await door.Client.GetAsync($"/staff/events/{id}/print/envelope-labels")).StatusCode);
    }

    [Fact]
    public async Task An_ambassador_sends_a_deputy_who_takes_their_own_place_in_the_order_of_precedence()
    {
        var (email, id, missionId, api) = await EventAsync();
        var deputy = await (await api.PostAsJsonAsync("/api/contacts", new
        {
            honorific = "Mr.",
            firstName = "Chen",
            lastName = "Deputy",
            position = "Minister Counsellor",
            diplomaticRank = "Minister-Counsellor",
            organization = new { name = "Embassy of China", type = "Embassy", country = "China" },
            email = "chen.deputy@china.example.org",
            language = "zh",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var deputyContact = deputy.GetProperty("id").GetString();
        var wang = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "wang.wei@china.example.org").Select(g => g.Id).SingleAsync());
        using var session = await StaffSession.SignInAsync(app, email);

        // The page offers the ambassador's colleagues from the same embassy; choosing one sends them instead.
        var page = await session.GetPageAsync($"/staff/events/{id}/guests/{wang}/substitute");
        Assert.NotNull(page.QuerySelector($"form input[name=contactId][value='{deputyContact}']"));
        var chosen = await session.SubmitAsync($"/staff/events/{id}/guests/{wang}/substitute", $"form:has(input[value='{deputyContact}'])", []);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        var list = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=precedence"))!;
        var ambassador = list.Single(g => g.GetProperty("id").GetString() == wang.ToString());
        var standIn = list.Single(g => g.GetProperty("contact").GetProperty("id").GetString() == deputyContact);
        Assert.Equal("declined", ambassador.GetProperty("rsvp").GetString());
        Assert.Equal(standIn.GetProperty("id").GetString(), ambassador.GetProperty("substitutedBy").GetString());
        Assert.Equal(wang.ToString(), standIn.GetProperty("substituteFor").GetString());
        Assert.Equal("accepted", standIn.GetProperty("rsvp").GetString());
        // By their own rank: after every ambassador on the list, not in the ambassador's place.
        var order = list.Select(g => g.GetProperty("id").GetString()).ToList();
        var lastAmbassador = list.Select((g, i) => (g, i)).Where(x => x.g.GetProperty("contact").GetProperty("headOfMissionClass").GetString() == "Ambassador"
            && x.g.GetProperty("id").GetString() != wang.ToString()).Max(x => x.i);
        Assert.True(order.IndexOf(standIn.GetProperty("id").GetString()) > lastAmbassador);
        // The guest list says who comes for whom.
        var guests = await session.GetPageAsync($"/staff/events/{id}/guests");
        Assert.Contains("instead of", guests.QuerySelector($"#guest-{standIn.GetProperty("id").GetString()} .substitute")!.TextContent);

        // Not twice, not someone on the list already, not another mission's person; the door may not.
        var again = await api.PostAsJsonAsync($"/api/events/{id}/guests/{wang}/substitute", new { contactId = deputyContact });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var rana = list.Single(g => g.GetProperty("contact").GetProperty("email").GetString() == "rana.alkhatib@jordan.example.org");
        var adnan = list.Single(g => g.GetProperty("contact").GetProperty("email").GetString() == "adnan@jordan.example.org").GetProperty("contact").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/events/{id}/guests/{rana.GetProperty("id").GetString()}/substitute", new { contactId = adnan })).StatusCode);
        var (_, _, _, otherApi) = await EventAsync();
        var stranger = (await otherApi.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=1"))![0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/events/{id}/guests/{rana.GetProperty("id").GetString()}/substitute", new { contactId = stranger })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsJsonAsync($"/api/events/{id}/guests/{rana.GetProperty("id").GetString()}/substitute", new { contactId = stranger })).StatusCode);
        var door = await app.ApiClientAsync(await app.CreateUserAsync(missionId, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PostAsJsonAsync($"/api/events/{id}/guests/{rana.GetProperty("id").GetString()}/substitute", new { contactId = adnan })).StatusCode);
    }

    [Fact]
    public async Task Whether_heads_of_international_organizations_are_Excellencies_is_the_missions_setting()
    {
        var (email, id, _, _) = await EventAsync();
        using var session = await StaffSession.SignInAsync(app, email);
        var nwosu = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == "amara.nwosu@who.example.int").Select(g => g.Id).SingleAsync());
        Assert.Contains("H.E. Dr. Amara Nwosu", await session.Client.GetStringAsync($"/staff/events/{id}/invitations?preview={nwosu}"));

        var saved = await session.SubmitAsync("/staff/missions/precedence", "main form", new() { ["ExcellencyForHeadsOfOrganizations"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var preview = await session.Client.GetStringAsync($"/staff/events/{id}/invitations?preview={nwosu}");
        Assert.Contains("Dr. Amara Nwosu", preview);
        Assert.DoesNotContain("H.E. Dr. Amara Nwosu", preview);
    }

    [Fact]
    public async Task When_the_event_is_full_a_bulk_yes_and_a_deputy_wait_and_the_guest_replaced_can_no_longer_answer()
    {
        var (email, id, missionId, api) = await EventAsync();
        var eventId = Guid.Parse(id);
        await app.WithDbAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 2)));
        Task<Guid> GuestAsync(string address) => app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == eventId && g.Contact!.Email == address).Select(g => g.Id).SingleAsync());
        Task<string> RsvpAsync(Guid guest) => app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == guest).Select(g => g.Rsvp.ToString()).SingleAsync());
        var (wang, rana, nwosu, olga) = (await GuestAsync("wang.wei@china.example.org"), await GuestAsync("rana.alkhatib@jordan.example.org"),
            await GuestAsync("amara.nwosu@who.example.int"), await GuestAsync("olga.ivanova@russia.example.org"));
        using var session = await StaffSession.SignInAsync(app, email);
        await session.SubmitAsync($"/staff/events/{id}/invitations", "form[action*='Send']", new() { ["confirmed"] = "true" });
        var deputyContact = (await (await api.PostAsJsonAsync("/api/contacts", new { firstName = "Pavel", lastName = "Deputy", email = "pavel@russia.example.org" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Guid deputy;
        using (var scope = app.BackgroundScope(missionId))
        {
            var list = scope.ServiceProvider.GetRequiredService<Chancery.Domain.Guests.GuestList>();
            // Three marked accepted at once, room for two: the third waits.
            Assert.Equal((3, 1), await list.SetAnswerAsync(eventId, [wang, rana, nwosu], Chancery.Domain.Guests.RsvpAnswer.Accepted));
            // A deputy for a guest who had not answered meets the capacity too.
            deputy = await list.SendInsteadAsync(eventId, olga, Guid.Parse(deputyContact!));
        }
        Assert.Equal(2, (await Task.WhenAll(RsvpAsync(wang), RsvpAsync(rana), RsvpAsync(nwosu))).Count(r => r == "Accepted"));
        Assert.Equal(("Waitlisted", "Declined"), (await RsvpAsync(deputy), await RsvpAsync(olga)));

        // Olga's own page now says who comes in her place, and takes no answer.
        var olgaLink = "/rsvp/" + (await app.GuestCodesAsync(missionId, eventId, olga)).Token;
        using var guest = StaffSession.Anonymous(app);
        var page = await guest.GetPageAsync(olgaLink);
        Assert.Contains("Pavel Deputy", page.QuerySelector(".confirm")!.TextContent);
        Assert.Null(page.QuerySelector("form.rsvp-form"));

        // The deputy was never invited: given a place, they are not e-mailed a link that leads nowhere; the office is told to invite them.
        var promoted = await session.SubmitAsync($"/staff/events/{id}/invitations", $"form[action*='Promote']:has(input[value='{deputy}'])", []);
        Assert.Contains("no invitation yet", (await session.GetPageAsync(promoted.Headers.Location!.ToString())).QuerySelector(".notice")!.TextContent);
        Assert.Equal("Accepted", await RsvpAsync(deputy));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.AboutId == deputy)));
        // A second press finds nobody waiting.
        var again = await session.Client.PostAsync($"/staff/events/{id}/invitations?handler=Promote", Form(await session.GetPageAsync($"/staff/events/{id}/invitations"), deputy));
        // said on the page itself, above the lists, as every refusal is (not carried over a redirect as if it were news).
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("not on the waiting list", (await StaffSession.ReadAsync(again)).QuerySelector("[role=alert]")!.TextContent);
    }

    private static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, Guid guest) =>
        new([new("guest", guest.ToString()), new("__RequestVerificationToken", page.QuerySelector("form[action*='Send'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);

    [Fact]
    public async Task Only_the_protocol_office_of_the_mission_opens_the_invitations()
    {
        var (_, id, missionId, _) = await EventAsync();
        using var door = await StaffSession.SignInAsync(app, await app.CreateUserAsync(missionId, MissionRole.Door));
        using var stranger = await StaffSession.SignInAsync(app, await app.CreateUserAsync((await app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Protocol));

        Assert.NotEqual(HttpStatusCode.OK, (await door.Client.GetAsync($"/staff/events/{id}/invitations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/events/{id}/invitations")).StatusCode);
    }
}
