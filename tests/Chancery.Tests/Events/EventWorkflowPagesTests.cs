using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Events;

/// <summary>The event pages without a browser: forms, roles, missions, the door list file, and what each print holds.</summary>
public sealed class EventWorkflowPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Setup(Mission Mission, string Email, HttpClient Api, string EventId);

    private async Task<Setup> EventWithGuestsAsync(byte[]? csv = null)
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await app.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var api = await app.ApiClientAsync(email);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(csv ?? SampleFiles.Fixture("diplomatic-list.csv")), "file", "list.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var id = (await (await api.PostAsJsonAsync("/api/events", new { title = "National Day 2026", kind = "NationalDay", startsAt = "2026-06-04T18:00", timeZone = "Asia/Shanghai", venue = "Residence", hosts = "H.E. the Ambassador" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        return new Setup(mission, email, api, id);
    }

    [Fact]
    public async Task Removing_a_programme_item_asks_first_and_keeping_it_changes_nothing()
    {
        var setup = await EventWithGuestsAsync();
        await setup.Api.PostAsJsonAsync($"/api/events/{setup.EventId}/programme", new { startsAt = "18:30", title = "Speech by the Ambassador", speaker = "H.E. the Ambassador" });
        using var session = await StaffSession.SignInAsync(app, setup.Email);
        var url = $"/staff/events/{setup.EventId}/programme";

        var list = await session.GetPageAsync(url);
        Assert.Null(list.QuerySelector("form[action*='handler=Remove']")); // no one-click removal
        var ask = list.QuerySelector("a[aria-label='Remove “Speech by the Ambassador”']")!.GetAttribute("href")!;
        var confirm = await session.GetPageAsync(url + ask.Split('#')[0]);
        Assert.Contains("Remove “Speech by the Ambassador” from the run of show?", confirm.QuerySelector("#confirm-remove")!.TextContent);
        Assert.Single(await setup.Api.GetFromJsonAsync<JsonElement[]>($"/api/events/{setup.EventId}/programme") ?? []);

        var removed = await session.SubmitAsync(url + ask.Split('#')[0], "#confirm-remove form", []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await setup.Api.GetFromJsonAsync<JsonElement[]>($"/api/events/{setup.EventId}/programme") ?? []);
    }

    [Fact]
    public async Task A_programme_item_is_titled_in_each_of_the_events_languages_and_the_page_says_which_are_missing()
    {
        var setup = await EventWithGuestsAsync();
        (await setup.Api.PutAsJsonAsync($"/api/events/{setup.EventId}", new { title = "National Day 2026", startsAt = "2026-06-04T18:00", timeZone = "Asia/Shanghai", venue = "Residence", languages = (string[])["en", "fr", "ar"] })).EnsureSuccessStatusCode();
        using var session = await StaffSession.SignInAsync(app, setup.Email);
        var url = $"/staff/events/{setup.EventId}/programme";

        var saved = await session.SubmitAsync(url, "form[action*='handler=Save']", new() { ["Input.Title"] = "Minute of silence", ["Input.Titles[fr]"] = "Minute de silence" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = Assert.Single(await setup.Api.GetFromJsonAsync<JsonElement[]>($"/api/events/{setup.EventId}/programme") ?? []);
        Assert.Equal("Minute de silence", item.GetProperty("titles").GetProperty("fr").GetString());
        Assert.Contains("Not yet in Arabic", (await session.GetPageAsync(url)).QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task The_orders_mark_the_dean_of_the_corps_and_the_host_lays_the_first_wreath()
    {
        var setup = await EventWithGuestsAsync();
        using var session = await StaffSession.SignInAsync(app, setup.Email);

        // The dean is the mission's to record (the directory rarely holds the whole corps): until then nobody is marked,
        // and the settings suggest Georgia's ambassador, who presented credentials first (2018-04-03 10:30).
        Assert.Empty((await session.GetPageAsync($"/staff/events/{setup.EventId}/order")).QuerySelectorAll(".dean"));
        using var admin = await StaffSession.SignInAsync(app, await app.CreateUserAsync(setup.Mission.Id, MissionRole.Admin));
        var settings = await admin.GetPageAsync("/staff/missions/precedence");
        Assert.Contains("ბერიძე", settings.QuerySelector("#dean-help")!.TextContent);
        var georgia = settings.QuerySelectorAll("select[name=DeanContactId] option").First(o => o.TextContent.Contains("ბერიძე", StringComparison.Ordinal)).GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/staff/missions/precedence", "main form", new() { ["DeanContactId"] = georgia })).StatusCode);

        foreach (var path in new[] { "/order", "/print/orders" })
        {
            var page = await session.GetPageAsync($"/staff/events/{setup.EventId}{path}");

            // Recorded: the dean, and marked so.
            var dean = page.QuerySelectorAll(".dean").Select(d => d.Closest("tr, li")!.TextContent).ToList();
            Assert.Single(dean);
            Assert.Contains("ბერიძე", dean[0]);
            Assert.Contains("Dean of the diplomatic corps", dean[0]);
            // The host's own wreath comes first: the mission, laid by the event's hosts.
            var wreaths = page.QuerySelectorAll("#wreaths ~ ol > li, ol.wreaths > li").Select(li => li.TextContent).ToList();
            Assert.Contains(setup.Mission.Name, wreaths[0]);
            Assert.Contains("H.E. the Ambassador", wreaths[0]);
            Assert.Contains("Embassy of Georgia", wreaths[1]);
        }

        // Recalled, and the embassy now led by a chargé d'affaires a.i.: the recorded dean is no longer marked as one.
        var georgiaId = Guid.Parse(georgia);
        await app.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == georgiaId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.HeadOfMissionClass, Chancery.Domain.Contacts.HeadOfMissionClass.ChargeDAffairesAdInterim)));
        Assert.Empty((await session.GetPageAsync($"/staff/events/{setup.EventId}/order")).QuerySelectorAll(".dean"));
    }

    [Fact]
    public async Task A_new_event_with_an_unknown_time_zone_is_refused_at_that_field_and_nothing_is_saved()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        using var session = await StaffSession.SignInAsync(app, await app.CreateUserAsync(mission.Id, MissionRole.Protocol));

        var refused = await session.SubmitAsync("/staff/events/edit", "main form", new()
        {
            ["Input.Title"] = "Reception",
            ["Input.StartsAt"] = "2026-03-01T18:00",
            ["Input.TimeZone"] = "Mars/Olympus",
            ["Input.Venue"] = "Residence",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mars/Olympus", (await StaffSession.ReadAsync(refused)).QuerySelector("#zone-error")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(e => e.MissionId == mission.Id)));

        var saved = await session.SubmitAsync("/staff/events/edit", "main form", new()
        {
            ["Input.Title"] = "Reception",
            ["Input.StartsAt"] = "2026-03-01T18:00",
            ["Input.TimeZone"] = "Asia/Riyadh",
            ["Input.Venue"] = "Residence",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Events.IgnoreQueryFilters().SingleAsync(e => e.MissionId == mission.Id));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), stored.StartsAtUtc); // Riyadh is UTC+3
    }

    [Fact]
    public async Task Copying_last_years_event_moves_the_programme_a_year_on_and_invites_the_same_people_afresh()
    {
        var s = await EventWithGuestsAsync();
        await s.Api.PostAsJsonAsync($"/api/events/{s.EventId}/programme", new { startsAt = "18:30", title = "Speech" });
        await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(s.EventId))
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.Rsvp, Chancery.Domain.Guests.RsvpAnswer.Accepted)));
        using var session = await StaffSession.SignInAsync(app, s.Email);

        var response = await session.SubmitAsync($"/staff/events/{s.EventId}/copy", "main form", new() { ["StartsAt"] = "2027-06-04T18:00" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copyId = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var copy = await (await s.Api.GetAsync($"/api/events/{copyId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", copy.GetProperty("status").GetString());
        Assert.Equal("National Day 2027", copy.GetProperty("title").GetString());
        var programme = await (await s.Api.GetAsync($"/api/events/{copyId}/programme")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2027-06-04T18:30", programme[0].GetProperty("startsAt").GetString());
        var guests = await (await s.Api.GetAsync($"/api/events/{copyId}/guests")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(15, guests.GetArrayLength());
        Assert.All(guests.EnumerateArray(), g => Assert.Equal("pending", g.GetProperty("rsvp").GetString()));
    }

    [Fact]
    public async Task Ticked_guests_change_together_and_the_list_keeps_its_filter()
    {
        var s = await EventWithGuestsAsync();
        using var session = await StaffSession.SignInAsync(app, s.Email);
        var ids = await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(s.EventId)).Select(g => g.Id).Take(3).ToListAsync());
        var content = new FormUrlEncodedContent([
            new("selected", ids[0].ToString()), new("selected", ids[1].ToString()), new("change", "Declined"),
            new("__RequestVerificationToken", (await session.GetPageAsync($"/staff/events/{s.EventId}/guests?answer=Pending")).QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);

        var response = await session.Client.PostAsync($"/staff/events/{s.EventId}/guests?handler=Bulk&answer=Pending&sort=name", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/events/{s.EventId}/guests?answer=Pending&sort=name", response.Headers.Location!.ToString());
        var page = await session.GetPageAsync(response.Headers.Location.ToString());
        Assert.Contains("2 marked declined", page.QuerySelector(".notice")!.TextContent);
        Assert.Contains("2 declined", page.QuerySelector(".counts")!.TextContent);
        Assert.Equal(13, page.QuerySelectorAll(".guest-table tbody tr").Length); // the filter still shows only those not answered

        var remove = new FormUrlEncodedContent([new("selected", ids[2].ToString()), new("change", "remove"),
            new("__RequestVerificationToken", page.QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        await session.Client.PostAsync($"/staff/events/{s.EventId}/guests?handler=Bulk", remove);
        Assert.Equal(14, await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().CountAsync(g => g.EventId == Guid.Parse(s.EventId))));
    }

    [Fact]
    public async Task A_long_guest_list_comes_a_hundred_at_a_time_and_keeps_its_page_and_order_through_a_change()
    {
        var s = await EventWithGuestsAsync(SampleFiles.Generated(250));
        using var session = await StaffSession.SignInAsync(app, s.Email);
        static string[] Places(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll(".guest-table tbody td[data-label='#']").Select(td => td.TextContent.Trim())];

        var first = await session.GetPageAsync($"/staff/events/{s.EventId}/guests");
        Assert.Equal(100, Places(first).Length);
        Assert.Equal("1", Places(first)[0]);
        Assert.Contains("1–100 of 250 shown", first.Body!.TextContent);
        Assert.Contains("Page 1 of 3", first.QuerySelector("nav.pager")!.TextContent);

        // The next page keeps the filter and order the officer chose.
        var byName = await session.GetPageAsync($"/staff/events/{s.EventId}/guests?sort=name");
        var next = byName.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/staff/events/{s.EventId}/guests?sort=name&p=2", next);

        var last = await session.GetPageAsync($"/staff/events/{s.EventId}/guests?p=3");
        Assert.Equal(50, Places(last).Length);
        Assert.Equal("201", Places(last)[0]);
        Assert.Contains("250 invited", last.QuerySelector(".counts")!.TextContent); // counts are the whole list's, not the page's
        Assert.Equal(Places(last), Places(await session.GetPageAsync($"/staff/events/{s.EventId}/guests?p=99"))); // past the end: the last page

        // Saving a guest on page 2 comes back to page 2, at that guest.
        var second = await session.GetPageAsync($"/staff/events/{s.EventId}/guests?p=2");
        var row = second.QuerySelector(".guest-table tbody tr")!;
        var guestId = row.Id!["guest-".Length..];
        var saved = await session.Client.PostAsync($"/staff/events/{s.EventId}/guests?handler=Update&p=2", new FormUrlEncodedContent([
            new("guest", guestId), new("rsvp", "Accepted"), new("plusOnes", "0"), new("note", "Greet at the door"),
            new("__RequestVerificationToken", second.QuerySelector($"#g-{guestId} input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/staff/events/{s.EventId}/guests?p=2#guest-{guestId}", saved.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_row_saved_by_the_pages_script_answers_with_the_counts_or_says_what_is_wrong_and_never_with_a_sign_in_page()
    {
        var s = await EventWithGuestsAsync();
        using var session = await StaffSession.SignInAsync(app, s.Email);
        var page = await session.GetPageAsync($"/staff/events/{s.EventId}/guests");
        var guestId = page.QuerySelector(".guest-table tbody tr")!.Id!["guest-".Length..];
        var token = page.QuerySelector($"#g-{guestId} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        HttpRequestMessage Row(string plusOnes) => new(HttpMethod.Post, $"/staff/events/{s.EventId}/guests?handler=Update")
        {
            Headers = { { "Accept", "application/json" }, { "X-Requested-With", "XMLHttpRequest" } },
            Content = new FormUrlEncodedContent([new("guest", guestId), new("rsvp", "Accepted"), new("withPartner", "false"), new("plusOnes", plusOnes), new("note", "Halal"), new("__RequestVerificationToken", token)]),
        };

        var saved = await session.Client.SendAsync(Row("2"));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var counts = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((15, 1, 2), (counts.GetProperty("invited").GetInt32(), counts.GetProperty("accepted").GetInt32(), counts.GetProperty("plusOnes").GetInt32()));

        // A plus-ones box holding a word is refused, not saved as 0; too many say how many may come.
        var word = await session.Client.SendAsync(Row("two"));
        Assert.Equal(HttpStatusCode.BadRequest, word.StatusCode);
        Assert.Equal("application/problem+json", word.Content.Headers.ContentType?.MediaType);
        Assert.Contains("whole number", (await word.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("plusOnes")[0].GetString());
        var many = await session.Client.SendAsync(Row("99"));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == Guid.Parse(guestId)).Select(g => g.PlusOnes).SingleAsync()));

        // Signed out, the script is told so (401), not handed the sign-in page as if it had saved.
        using var stranger = StaffSession.Anonymous(app);
        var signedOut = await stranger.Client.SendAsync(Row("1"));
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);

        // A door user may read the event but not change its list.
        var door = await app.CreateUserAsync(s.Mission.Id, MissionRole.Door);
        using var doorSession = await StaffSession.SignInAsync(app, door);
        var doorPage = await doorSession.Client.GetAsync($"/staff/events/{s.EventId}/guests");
        Assert.NotEqual(HttpStatusCode.OK, doorPage.StatusCode);
    }

    [Fact]
    public async Task An_empty_filter_asks_before_inviting_the_whole_directory()
    {
        var s = await EventWithGuestsAsync();
        var fresh = (await (await s.Api.PostAsJsonAsync("/api/events", new { title = "Concert", startsAt = "2026-07-01T19:00", timeZone = "Asia/Shanghai", venue = "Hall" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var session = await StaffSession.SignInAsync(app, s.Email);

        var asked = await session.SubmitAsync($"/staff/events/{fresh}/guests", "form[action*='AddFilter']", []);
        Assert.Contains("the whole directory", (await StaffSession.ReadAsync(asked)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().CountAsync(g => g.EventId == Guid.Parse(fresh!))));

        await session.SubmitAsync($"/staff/events/{fresh}/guests", "form[action*='AddFilter']", new() { ["everyone"] = "true" });
        Assert.Equal(15, await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().CountAsync(g => g.EventId == Guid.Parse(fresh!))));
    }

    [Fact]
    public async Task Door_staff_read_the_orders_and_the_door_list_but_cannot_change_the_list_or_the_plan()
    {
        var s = await EventWithGuestsAsync();
        using var door = await StaffSession.SignInAsync(app, await app.CreateUserAsync(s.Mission.Id, MissionRole.Door));

        foreach (var readable in new[] { "", "/order", "/print/orders", "/print/door-list", "/print/programme", "/print/table-plan", "/print/place-cards" })
        {
            Assert.Equal(HttpStatusCode.OK, (await door.Client.GetAsync($"/staff/events/{s.EventId}{readable}")).StatusCode);
        }
        foreach (var closed in new[] { "/guests", "/seating", "/programme", "/copy" })
        {
            var response = await door.Client.GetAsync($"/staff/events/{s.EventId}{closed}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Another_missions_event_is_404_on_every_event_page()
    {
        var s = await EventWithGuestsAsync();
        var other = await app.CreateMissionAsync($"Other {Guid.NewGuid():N}");
        using var stranger = await StaffSession.SignInAsync(app, await app.CreateUserAsync(other.Id, MissionRole.Admin));

        foreach (var path in new[] { "", "/guests", "/seating", "/programme", "/copy", "/order", "/print/orders", "/print/door-list", "/print/programme", "/print/table-plan", "/print/place-cards" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/events/{s.EventId}{path}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/events/edit/{s.EventId}")).StatusCode);
    }

    [Fact]
    public async Task The_door_list_is_alphabetical_in_Latin_letters_with_the_original_script_and_downloads_as_one_file()
    {
        var s = await EventWithGuestsAsync();
        using var session = await StaffSession.SignInAsync(app, s.Email);

        var page = await session.GetPageAsync($"/staff/events/{s.EventId}/print/door-list");

        var rows = page.QuerySelectorAll("table.door tbody tr:not(.letter)").ToList();
        Assert.Equal(15, rows.Count);
        var latin = rows.Select(r => r.QuerySelector(".latin")!.TextContent.Trim()).ToList();
        // In order of family name, an Arabic article aside (al-Khatib files under K, as English lists file it).
        Assert.Equal(latin.Order(Comparer<string>.Create((x, y) => string.Compare(WithoutArticle(x), WithoutArticle(y), StringComparison.OrdinalIgnoreCase))), latin);
        // Each name in the script's own standard, the original beside it in its own order.
        string LatinOf(string original) => rows.Single(r => r.QuerySelector(".original")!.TextContent.Trim() == original).QuerySelector(".latin")!.TextContent.Trim();
        Assert.Equal("Beridze, Nino", LatinOf("ნინო ბერიძე"));
        Assert.Equal("al-Khatib, Rana", LatinOf("رنا الخطيب"));
        Assert.Equal("Kim, Ji-eun", LatinOf("김지은"));
        Assert.Equal("Liu, Min", LatinOf("刘敏"));
        var letters = page.QuerySelectorAll("table.door tr.letter").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains("K", letters);
        Assert.DoesNotContain("A", letters);

        var download = await session.Client.GetAsync($"/staff/events/{s.EventId}/print/door-list?download=true");
        Assert.True(download.IsSuccessStatusCode, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(2)));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var html = await download.Content.ReadAsStringAsync();
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public async Task Names_are_encoded_in_every_print()
    {
        var s = await EventWithGuestsAsync();
        var created = await s.Api.PostAsJsonAsync("/api/contacts", new { firstName = "<img src=x onerror=alert(1)>", lastName = "<script>alert(2)</script>" });
        var contactId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await s.Api.PostAsJsonAsync($"/api/events/{s.EventId}/guests", new { contactIds = new[] { contactId } });
        using var session = await StaffSession.SignInAsync(app, s.Email);
        await session.SubmitAsync($"/staff/events/{s.EventId}/seating", "form[aria-label='Add tables']", new() { ["count"] = "2", ["seats"] = "10" });
        await session.SubmitAsync($"/staff/events/{s.EventId}/seating", "form[action*='AutoSeat']", []);

        foreach (var path in new[] { "/guests", "/seating", "/order", "/print/orders", "/print/door-list", "/print/table-plan", "/print/place-cards" })
        {
            var html = await (await session.Client.GetAsync($"/staff/events/{s.EventId}{path}")).Content.ReadAsStringAsync();
            Assert.False(html.Contains("<script>alert(2)", StringComparison.Ordinal), path);
            Assert.False(html.Contains("<img src=x", StringComparison.Ordinal), path);
            Assert.True(html.Contains("&lt;script&gt;alert(2)", StringComparison.Ordinal), path);
        }
    }

    private static string WithoutArticle(string name) => name.StartsWith("al-", StringComparison.OrdinalIgnoreCase) ? name[3..] : name;
}
