using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.Seating;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Seating;

/// <summary>The seating plan and the precedence settings through the staff pages, on each database.</summary>
public abstract class SeatingPagesTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(StaffSession Session, HttpClient Api, string EventId, Guid MissionId)> EventAsync(int generated)
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var api = await App.ApiClientAsync(email);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Generated(generated)), "file", "list.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var id = (await (await api.PostAsJsonAsync("/api/events", new { title = "Dinner", kind = "Dinner", startsAt = "2026-09-01T20:00", timeZone = "Europe/Berlin", venue = "Residence", hosts = "H.E. the Ambassador" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (await StaffSession.SignInAsync(App, email), api, id, mission.Id);
    }

    private static Task<HttpResponseMessage> PostAsync(StaffSession s, string eventId, string handler, Dictionary<string, string> values) =>
        s.SubmitAsync($"/staff/events/{eventId}/seating", $"form[action*='handler={handler}']", values);

    private Task<List<SeatAssignment>> SeatsAsync(string eventId) =>
        App.WithDbAsync(db => db.SeatAssignments.IgnoreQueryFilters().Where(s => s.EventId == Guid.Parse(eventId)).ToListAsync());

    [Fact]
    public async Task A_couple_is_seated_apart_a_declined_guest_loses_the_seat_and_a_move_by_hand_swaps()
    {
        var (session, api, id, missionId) = await EventAsync(20);
        var created = await api.PostAsJsonAsync("/api/contacts", new { honorific = "Dr.", firstName = "Amal", lastName = "Haddad", spouseFirstName = "Karim", spouseLastName = "Haddad" });
        var haddad = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });
        var guestId = await App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.ContactId == haddad).Select(g => g.Id).SingleAsync());
        var saved = await session.SubmitAsync($"/staff/events/{id}/guests", $"#g-{guestId}", new() { ["rsvp"] = "Accepted", ["withPartner"] = "true", ["plusOnes"] = "0", ["note"] = "Vegetarian" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await PostAsync(session, id, "AddTables", new() { ["count"] = "4", ["seats"] = "8", ["host"] = "H.E. the Ambassador", ["coHost"] = "Mr. Co-Host" });
        await PostAsync(session, id, "AutoSeat", new() { ["keep"] = "true" });

        var seats = await SeatsAsync(id);
        Assert.Equal(22, seats.Count); // 21 guests and one partner
        var first = await App.WithDbAsync(db => db.SeatingTables.IgnoreQueryFilters().SingleAsync(t => t.EventId == Guid.Parse(id) && t.Number == 1));
        Assert.DoesNotContain(seats, s => s.TableId == first.Id && (s.Seat == 1 || s.Seat == 5)); // host and co-host opposite
        using (var admin = await StaffSession.SignInAsync(App, await App.CreateUserAsync(missionId, MissionRole.Admin)))
        {
            // One audit entry for the whole placement, readable on the audit page.
            Assert.Contains("Seated the rest by precedence", (await admin.GetPageAsync("/staff/audit")).Body!.TextContent);
        }
        var amal = seats.Single(s => s.GuestId == guestId && !s.IsPartner);
        var karim = seats.Single(s => s.GuestId == guestId && s.IsPartner);
        Assert.False(amal.TableId == karim.TableId && SeatingPlanner.Adjacent(amal.Seat, karim.Seat, 8));

        // Someone declines: "Seat everyone without a seat" frees their seat and keeps everyone else's.
        var declined = seats.First(s => s.GuestId != guestId);
        await App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == declined.GuestId).ExecuteUpdateAsync(u => u.SetProperty(g => g.Rsvp, RsvpAnswer.Declined)));
        await PostAsync(session, id, "AutoSeat", new() { ["keep"] = "true" });
        var after = await SeatsAsync(id);
        Assert.DoesNotContain(after, s => s.GuestId == declined.GuestId);
        Assert.All(after, s => Assert.Contains(seats, o => o.GuestId == s.GuestId && o.IsPartner == s.IsPartner && o.TableId == s.TableId && o.Seat == s.Seat));

        // Karim moved by hand into Amal's seat: they swap, and nobody shares a seat.
        var moved = await PostAsync(session, id, "Move", new() { ["person"] = $"{guestId}:partner", ["table"] = amal.TableId.ToString(), ["seat"] = amal.Seat.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var swapped = await SeatsAsync(id);
        Assert.Equal((amal.TableId, amal.Seat), swapped.Where(s => s.GuestId == guestId && s.IsPartner).Select(s => (s.TableId, s.Seat)).Single());
        Assert.Equal((karim.TableId, karim.Seat), swapped.Where(s => s.GuestId == guestId && !s.IsPartner).Select(s => (s.TableId, s.Seat)).Single());

        // The host's own seat cannot be taken.
        var table1 = await App.WithDbAsync(db => db.SeatingTables.IgnoreQueryFilters().SingleAsync(t => t.EventId == Guid.Parse(id) && t.Number == 1));
        var refused = await PostAsync(session, id, "Move", new() { ["person"] = guestId.ToString(), ["table"] = table1.Id.ToString(), ["seat"] = "1" });
        Assert.Contains("the host's", (await StaffSession.ReadAsync(refused)).QuerySelector("[role=alert]")!.TextContent);
        var coHostSeat = await PostAsync(session, id, "Move", new() { ["person"] = guestId.ToString(), ["table"] = table1.Id.ToString(), ["seat"] = "5" });
        Assert.Contains("Mr. Co-Host", (await StaffSession.ReadAsync(coHostSeat)).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_table_keeps_its_size_and_a_co_host_only_opposite_a_named_host_when_added_or_changed()
    {
        var (session, _, id, _) = await EventAsync(5);
        async Task<string> RefusalAsync(string handler, Dictionary<string, string> values) =>
            (await StaffSession.ReadAsync(await PostAsync(session, id, handler, values))).QuerySelector("[role=alert]")!.TextContent;
        var tables = () => App.WithDbAsync(db => db.SeatingTables.IgnoreQueryFilters().Where(t => t.EventId == Guid.Parse(id)).OrderBy(t => t.Number).ToListAsync());

        Assert.Contains("between 2 and", await RefusalAsync("AddTables", new() { ["count"] = "2", ["seats"] = "1" }));
        Assert.Contains("name the host too", await RefusalAsync("AddTables", new() { ["count"] = "2", ["seats"] = "3", ["host"] = "H.E. the Ambassador", ["coHost"] = "Mrs Co-Host" }));
        Assert.Empty(await tables());

        await PostAsync(session, id, "AddTables", new() { ["count"] = "2", ["seats"] = "8" });
        Assert.Contains("name the host too", await RefusalAsync("Table", new() { ["hostName"] = "", ["coHostName"] = "Mrs Co-Host", ["seats"] = "8" }));
        Assert.Contains("between 2 and", await RefusalAsync("Table", new() { ["seats"] = "61" }));
        Assert.All(await tables(), t => Assert.Equal((8, (string?)null), (t.Seats, t.CoHostName)));
    }

    [Fact]
    public async Task The_missions_tie_break_setting_reorders_heads_who_presented_credentials_at_the_same_moment()
    {
        var (session, api, id, missionId) = await EventAsync(200);
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { organizationType = "Embassy" } });
        async Task<string[]> HeadsAsync() => [.. (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=precedence"))!
            .Take(3).Select(g => g.GetProperty("contact").GetProperty("organization").GetProperty("country").GetString()!)];
        // The generated heads of mission all presented credentials on 2020-01-15 at 10:30, recorded in file order.
        Assert.Equal(["Country 0", "Country 40", "Country 80"], await HeadsAsync());

        var saved = await session.SubmitAsync("/staff/missions/precedence", "main form", new() { ["TieBreak"] = "CountryName", ["HostLanguage"] = "de" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Country 0", "Country 120", "Country 160"], await HeadsAsync());
        var mission = await App.WithDbAsync(db => db.Missions.IgnoreQueryFilters().SingleAsync(m => m.Id == missionId));
        Assert.Equal((PrecedenceTieBreak.CountryName, "de"), (mission.PrecedenceTieBreak, mission.HostLanguage));
        var bad = await session.SubmitAsync("/staff/missions/precedence", "main form", new() { ["HostLanguage"] = "xx-nowhere" });
        Assert.Contains("xx-nowhere", (await StaffSession.ReadAsync(bad)).QuerySelector("#lang-error")!.TextContent);
    }
}

public sealed class SeatingPagesTestsOnSqlite(TestApp app) : SeatingPagesTests(app), IClassFixture<TestApp>;

public sealed class SeatingPagesTestsOnPostgres(PostgresTestApp app) : SeatingPagesTests(app), IClassFixture<PostgresTestApp>;
