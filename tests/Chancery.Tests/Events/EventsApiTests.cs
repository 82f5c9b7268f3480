using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Events;

/// <summary>API.md "Events": an event in the venue's time, its programme in order, by role and mission.</summary>
public abstract class EventsApiTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<HttpClient> ClientAsync(MissionRole role = MissionRole.Protocol, Guid? mission = null)
    {
        mission ??= (await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}")).Id;
        return await App.ApiClientAsync(await App.CreateUserAsync(mission.Value, role));
    }

    private static readonly object Commemoration = new
    {
        title = "Commemorative event on the anniversary",
        kind = "Commemoration",
        startsAt = "2024-02-26T15:00",
        timeZone = "Asia/Shanghai",
        venue = "Embassy courtyard",
        capacity = 300,
        dressCode = "Dark suit",
        rsvpBy = "2024-02-20",
    };

    [Fact]
    public async Task An_event_keeps_the_venues_local_time_and_knows_the_instant()
    {
        var api = await ClientAsync();

        var response = await api.PostAsJsonAsync("/api/events", Commemoration);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var e = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2024-02-26T15:00", e.GetProperty("startsAt").GetString());
        Assert.Equal("Asia/Shanghai", e.GetProperty("timeZone").GetString());
        Assert.Equal(new DateTimeOffset(2024, 2, 26, 7, 0, 0, TimeSpan.Zero), e.GetProperty("startsAtUtc").GetDateTimeOffset());
        Assert.Equal("Draft", e.GetProperty("status").GetString());
        var again = await api.GetFromJsonAsync<JsonElement>($"/api/events/{e.GetProperty("id").GetString()}");
        Assert.Equal("Embassy courtyard", again.GetProperty("venue").GetString());
    }

    [Fact]
    public async Task Bad_fields_are_named_one_by_one()
    {
        var api = await ClientAsync();

        var response = await api.PostAsJsonAsync("/api/events", new { title = "", kind = "Party", startsAt = "26/02/2024 3pm", timeZone = "Asia/Shanghai", venue = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["kind", "startsAt", "title", "venue"], errors.EnumerateObject().Select(p => p.Name).Order());
        var zone = await api.PostAsJsonAsync("/api/events", new { title = "X", startsAt = "2024-02-26T15:00", timeZone = "Asia/Beijing", venue = "Y" });
        Assert.Contains("IANA", (await zone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("timeZone")[0].GetString());
        var gap = await api.PostAsJsonAsync("/api/events", new { title = "X", startsAt = "2024-03-31T02:30", timeZone = "Europe/Paris", venue = "Y" });
        Assert.Contains("skip", (await gap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("startsAt")[0].GetString());
    }

    [Fact]
    public async Task An_rsvp_deadline_after_the_event_is_refused_and_one_before_it_keeps_its_time()
    {
        var api = await ClientAsync();

        var late = await api.PostAsJsonAsync("/api/events", new { title = "Reception", startsAt = "2024-02-26T15:00", timeZone = "Asia/Shanghai", venue = "Residence", rsvpBy = "2024-03-20" });
        var ontime = await api.PostAsJsonAsync("/api/events", new { title = "Reception", startsAt = "2024-02-26T15:00", timeZone = "Asia/Shanghai", venue = "Residence", rsvpBy = "2024-02-20T17:30" });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var message = (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("rsvpBy")[0].GetString();
        Assert.Contains("2024-03-20,", message); // a date entered without a time reads as a date
        Assert.Contains("2024-02-26 15:00", message);
        Assert.Equal(HttpStatusCode.Created, ontime.StatusCode);
        Assert.Equal("2024-02-20T17:30", (await ontime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rsvpBy").GetString());
    }

    [Fact]
    public async Task The_programme_comes_back_in_time_order_whatever_order_it_was_entered_in()
    {
        var api = await ClientAsync();
        var id = (await (await api.PostAsJsonAsync("/api/events", Commemoration)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await api.PostAsJsonAsync($"/api/events/{id}/programme", new { startsAt = "15:20", title = "Speech by the Ambassador", speaker = "H.E. the Ambassador", place = "Hall" });
        await api.PostAsJsonAsync($"/api/events/{id}/programme", new { startsAt = "15:00", title = "Wreath-laying", place = "Courtyard", durationMinutes = 10 });
        await api.PostAsJsonAsync($"/api/events/{id}/programme", new { title = "Photo exhibition" });
        var created = await api.PostAsJsonAsync($"/api/events/{id}/programme", new { startsAt = "2024-02-26T15:10", title = "Minute of silence" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var items = await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/programme");
        Assert.Equal(["Wreath-laying", "Minute of silence", "Speech by the Ambassador", "Photo exhibition"], items!.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("2024-02-26T15:00", items![0].GetProperty("startsAt").GetString());
    }

    [Fact]
    public async Task Door_and_press_read_events_but_may_not_change_them()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var protocol = await ClientAsync(MissionRole.Protocol, mission.Id);
        var id = (await (await protocol.PostAsJsonAsync("/api/events", Commemoration)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        foreach (var role in new[] { MissionRole.Door, MissionRole.Press })
        {
            var api = await ClientAsync(role, mission.Id);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/events/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/events", Commemoration)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/api/events/{id}", Commemoration)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/events/{id}/programme", new { title = "X" })).StatusCode);
        }
    }

    [Fact]
    public async Task Another_missions_event_and_programme_are_404()
    {
        var theirs = await ClientAsync();
        var id = (await (await theirs.PostAsJsonAsync("/api/events", Commemoration)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var mine = await ClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PutAsJsonAsync($"/api/events/{id}", Commemoration)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/events/{id}/programme")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostAsJsonAsync($"/api/events/{id}/programme", new { title = "X" })).StatusCode);
        Assert.Empty((await mine.GetFromJsonAsync<JsonElement[]>("/api/events"))!);
    }
}

public sealed class EventsApiTestsOnSqlite(TestApp app) : EventsApiTests(app), IClassFixture<TestApp>;

public sealed class EventsApiTestsOnPostgres(PostgresTestApp app) : EventsApiTests(app), IClassFixture<PostgresTestApp>;
