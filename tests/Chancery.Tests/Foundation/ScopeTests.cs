using System.Net;
using System.Net.Http.Json;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>
/// The mission is a property of the unit of work: what each kind of scope may save, what the database itself
/// refuses, and how a guest's request finds its mission.
/// </summary>
public abstract class ScopeTests(TestApp app)
{
    protected TestApp App { get; } = app.Ready();

    private static Category CategoryOf(Guid missionId) => new() { MissionId = missionId, Name = "Category " + Guid.NewGuid().ToString("N")[..6] };

    private async Task<int> CategoriesOfAsync(Guid missionId) =>
        await App.WithDbAsync(db => db.Categories.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId));

    [Fact]
    public async Task Each_scope_saves_rows_of_its_own_mission_and_no_other()
    {
        var a = await App.CreateMissionAsync("Scope A " + Guid.NewGuid());
        var b = await App.CreateMissionAsync("Scope B " + Guid.NewGuid());
        var (ofA, ofB) = (await CategoriesOfAsync(a.Id), await CategoriesOfAsync(b.Id));

        foreach (var enter in new Action<MissionScope>[] { s => s.EnterBackground(a.Id), s => s.EnterPublic(a.Id), _ => { } })
        {
            using var scope = App.Services.CreateScope();
            enter(scope.ServiceProvider.GetRequiredService<MissionScope>());
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            db.Categories.Add(CategoryOf(b.Id));
            var refused = await Assert.ThrowsAsync<MissionScopeViolation>(() => db.SaveChangesAsync());
            Assert.Contains(b.Id.ToString(), refused.Message);
        }
        Assert.Equal(ofB, await CategoriesOfAsync(b.Id));

        using (var own = App.BackgroundScope(a.Id))
        {
            var db = own.ServiceProvider.GetRequiredService<ChanceryDb>();
            db.Categories.Add(CategoryOf(a.Id));
            await db.SaveChangesAsync();
        }
        Assert.Equal(ofA + 1, await CategoriesOfAsync(a.Id));
    }

    // The directory's one-record read is a compiled query, and a compiled query keeps the context it first ran with:
    // it must still see the missions of whichever unit of work runs it, while others are open at the same time.
    [Fact]
    public async Task A_compiled_read_sees_the_missions_of_the_unit_of_work_that_runs_it()
    {
        var a = await App.CreateMissionAsync("Compiled A " + Guid.NewGuid());
        var b = await App.CreateMissionAsync("Compiled B " + Guid.NewGuid());
        async Task<Contact> AddAsync(Guid missionId)
        {
            using var scope = App.BackgroundScope(missionId);
            return await scope.ServiceProvider.GetRequiredService<ContactDirectory>().SaveAsync(missionId, null, new ContactInput { LastName = "Of " + missionId });
        }
        var (ofA, ofB) = (await AddAsync(a.Id), await AddAsync(b.Id));

        using var inA = App.BackgroundScope(a.Id);
        using var inB = App.BackgroundScope(b.Id);
        var (readerA, readerB) = (inA.ServiceProvider.GetRequiredService<ContactDirectory>(), inB.ServiceProvider.GetRequiredService<ContactDirectory>());

        Assert.Equal(ofA.Id, (await readerA.ReadToShowAsync(ofA.Id))?.Id);
        Assert.Equal(ofB.Id, (await readerB.ReadToShowAsync(ofB.Id))?.Id);
        Assert.Null(await readerB.ReadToShowAsync(ofA.Id));
        Assert.Null(await readerA.ReadToShowAsync(ofB.Id));
    }

    [Fact]
    public async Task A_nameless_unit_of_work_sees_and_saves_nothing()
    {
        var a = await App.CreateMissionAsync("Nameless " + Guid.NewGuid());
        await App.WithDbAsync(async db =>
        {
            db.Categories.Add(CategoryOf(a.Id));
            return await db.SaveChangesAsync();
        });

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        Assert.Empty(await db.Categories.ToListAsync());
        Assert.Empty(await db.Missions.ToListAsync());
        db.Categories.Add(CategoryOf(a.Id));
        await Assert.ThrowsAsync<MissionScopeViolation>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_database_refuses_a_guest_or_contact_that_points_at_another_mission()
    {
        var a = await App.CreateMissionAsync("Linked A " + Guid.NewGuid());
        var b = await App.CreateMissionAsync("Linked B " + Guid.NewGuid());
        var (eventOfA, contactOfB, organizationOfB) = await App.WithDbAsync(async db =>
        {
            var e = new Event { MissionId = a.Id, Title = "Reception", TimeZone = "UTC", Venue = "Residence" };
            var c = new Contact { MissionId = b.Id, LastName = "Mensah" };
            var o = new Organization { MissionId = b.Id, Name = "Embassy of Ghana", NormalizedName = "embassy of ghana" };
            c.RefreshKeys();
            db.AddRange(e, c, o);
            await db.SaveChangesAsync();
            return (e, c, o);
        });

        // Even the application's own scope, which may write any mission, cannot make a row span two of them.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.Guests.Add(new Guest { MissionId = a.Id, EventId = eventOfA.Id, ContactId = contactOfB.Id });
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            var person = new Contact { MissionId = a.Id, LastName = "Asante", OrganizationId = organizationOfB.Id };
            person.RefreshKeys();
            db.Contacts.Add(person);
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(0, await App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().CountAsync(g => g.EventId == eventOfA.Id)));
    }

    [Fact]
    public async Task A_missions_public_pages_are_found_by_its_address_and_show_only_it()
    {
        var api = await App.ApiClientAsync();
        var a = await (await api.PostAsJsonAsync("/api/missions", new { name = "Embassy of Finland in Beijing", city = "Beijing" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var aId = a.GetProperty("id").GetGuid();
        await App.CreateMissionAsync("Embassy of Peru " + Guid.NewGuid());
        var slug = await App.WithDbAsync(db => db.Missions.IgnoreQueryFilters().Where(m => m.Id == aId).Select(m => m.Slug).SingleAsync());
        Assert.StartsWith("embassy-of-finland-in-beijing", slug);

        var visitor = App.CreateClient();
        var home = await visitor.GetAsync($"/m/{slug}");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("Embassy of Finland in Beijing", html);
        Assert.DoesNotContain("Embassy of Peru", html);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/m/no-such-mission")).StatusCode);

        // A host name of its own serves the same home at its root.
        using (var scope = App.BackgroundScope(aId))
        {
            await scope.ServiceProvider.GetRequiredService<MissionAdministration>().SetPublicAddressAsync(aId, slug, "Events.Finland.Example");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "events.finland.example";
        var byHost = await visitor.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, byHost.StatusCode);
        Assert.Contains("Embassy of Finland in Beijing", await byHost.Content.ReadAsStringAsync());

        // Only the root: sign-in on that host is still the staff's sign-in, and a mistyped page is a 404, not a 500.
        using var signIn = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        signIn.Headers.Host = "events.finland.example";
        var login = await visitor.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain("Embassy of Finland in Beijing", await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/m/{slug}/no-such-page")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sets_the_public_address_and_is_told_what_is_wrong_with_a_bad_one()
    {
        var taken = await App.CreateMissionAsync("Taken " + Guid.NewGuid());
        using var session = await StaffSession.SignInAsync(App);

        var bad = await session.SubmitAsync("/staff/missions", "form[action*=Address]", new() { ["Address.Slug"] = "Bad Slug!", ["Address.HostName"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("lower-case letters", (await StaffSession.ReadAsync(bad)).QuerySelector("#slug-error")!.TextContent);

        var clash = await session.SubmitAsync("/staff/missions", "form[action*=Address]", new() { ["Address.Slug"] = taken.Slug, ["Address.HostName"] = "" });
        Assert.Contains("Another mission already uses", (await StaffSession.ReadAsync(clash)).QuerySelector("#slug-error")!.TextContent);

        var saved = await session.SubmitAsync("/staff/missions", "form[action*=Address]", new() { ["Address.Slug"] = "embassy-helsinki", ["Address.HostName"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync("/m/embassy-helsinki")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_renames_the_mission_and_sets_its_time_zone_language_and_address()
    {
        var mission = await App.CreateMissionAsync("Default-like " + Guid.NewGuid());
        using var session = await StaffSession.SignInAsync(App, await App.CreateUserAsync(mission.Id, MissionRole.Admin));

        var bad = await session.SubmitAsync("/staff/missions", "#mission-settings", new() { ["Settings.Name"] = "Embassy of Finland in Beijing", ["Settings.TimeZone"] = "Beijing" });
        Assert.Contains("IANA", (await StaffSession.ReadAsync(bad)).QuerySelector("#settings-tz-error")!.TextContent);
        var badLanguage = await session.SubmitAsync("/staff/missions", "#mission-settings", new() { ["Settings.Name"] = "Embassy of Finland in Beijing", ["Settings.Language"] = "Finnish please" });
        Assert.Contains("BCP 47", (await StaffSession.ReadAsync(badLanguage)).QuerySelector("#settings-language-error")!.TextContent);

        var saved = await session.SubmitAsync("/staff/missions", "#mission-settings", new()
        {
            ["Settings.Name"] = "Embassy of Finland in Beijing",
            ["Settings.Country"] = "Finland",
            ["Settings.City"] = "Beijing",
            ["Settings.TimeZone"] = "Asia/Shanghai",
            ["Settings.Language"] = "fi",
            ["Settings.Address"] = "Kuang Ming Xi Lu 1, Beijing 100600",
            ["Settings.ReplyEmail"] = "protocol@finland.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var overview = await session.GetPageAsync("/staff");
        Assert.Contains("Embassy of Finland in Beijing", overview.QuerySelector("h1")!.TextContent);
        var newEvent = await session.GetPageAsync("/staff/events/edit");
        Assert.Equal("Asia/Shanghai", newEvent.QuerySelector("[name='Input.TimeZone']")!.GetAttribute("value") ?? newEvent.QuerySelector("[name='Input.TimeZone'] option[selected]")?.GetAttribute("value"));
        var form = await session.GetPageAsync("/staff/missions");
        Assert.Equal("fi", form.QuerySelector("[name='Settings.Language']")!.GetAttribute("value"));
        Assert.Equal("Kuang Ming Xi Lu 1, Beijing 100600", form.QuerySelector("[name='Settings.Address']")!.TextContent.Trim());
        Assert.Equal("protocol@finland.example", form.QuerySelector("[name='Settings.ReplyEmail']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_overview_tells_a_new_mission_what_to_do_next_until_it_is_done()
    {
        var mission = await App.CreateMissionAsync("New embassy " + Guid.NewGuid());
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Admin);
        using var session = await StaffSession.SignInAsync(App, email);

        var steps = (await session.GetPageAsync("/staff")).QuerySelectorAll("ol.next-steps a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/staff/contacts/import", "/staff/events/edit"], steps);

        var api = await App.ApiClientAsync(email);
        (await api.PostAsJsonAsync("/api/contacts", new { lastName = "Mensah" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/events", new { title = "Reception", startsAt = "2026-05-28T18:00", timeZone = "UTC", venue = "Residence" })).EnsureSuccessStatusCode();

        Assert.Null((await session.GetPageAsync("/staff")).QuerySelector("ol.next-steps"));
    }

    [Fact]
    public async Task Only_an_administrator_of_the_mission_may_change_its_public_address()
    {
        var mission = await App.CreateMissionAsync("Guarded " + Guid.NewGuid());
        using var officer = await StaffSession.SignInAsync(App, await App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var page = await officer.GetPageAsync("/staff/missions");
        Assert.Null(page.QuerySelector("form[action*=Address]"));

        // Posted by hand with the officer's own valid antiforgery token: still refused.
        var token = (await officer.GetPageAsync("/account/password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await officer.Client.PostAsync("/staff/missions?handler=Address", new FormUrlEncodedContent(
            [new("Address.Slug", "taken-over"), new("Address.HostName", ""), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/account/access-denied", posted.Headers.Location?.PathAndQuery);
        Assert.Equal(mission.Slug, await App.WithDbAsync(db => db.Missions.IgnoreQueryFilters().Where(m => m.Id == mission.Id).Select(m => m.Slug).SingleAsync()));

        // Nor its name and time zone.
        var settings = await officer.Client.PostAsync("/staff/missions?handler=Settings", new FormUrlEncodedContent(
            [new("Settings.Name", "Taken over"), new("Settings.TimeZone", "UTC"), new("__RequestVerificationToken", token)]));
        Assert.StartsWith("/account/access-denied", settings.Headers.Location?.PathAndQuery);
        Assert.Equal(mission.Name, await App.WithDbAsync(db => db.Missions.IgnoreQueryFilters().Where(m => m.Id == mission.Id).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_membership_changed_by_another_server_takes_effect_here_within_ten_seconds()
    {
        var mission = await App.CreateMissionAsync("Cached " + Guid.NewGuid());
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var api = await App.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/missions/{mission.Id}")).StatusCode);

        // Another server's write: straight to the database, past this server's save hooks.
        await App.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.MissionId == mission.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DisabledAt, App.Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/missions/{mission.Id}")).StatusCode);

        App.Clock.Advance(MembershipCache.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/missions/{mission.Id}")).StatusCode);
    }
}

public sealed class ScopeTestsOnSqlite(TestApp app) : ScopeTests(app), IClassFixture<TestApp>;

public sealed class ScopeTestsOnPostgres(PostgresTestApp app) : ScopeTests(app), IClassFixture<PostgresTestApp>;
