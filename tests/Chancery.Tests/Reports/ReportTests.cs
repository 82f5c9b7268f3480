using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using MiniExcelLibs;

namespace Chancery.Tests.Reports;

/// <summary>API.md "Reports" against a scripted event: answers, a deputy, a plus-one, a walk-in, a no-show, the previous event of its kind.</summary>
public abstract class ReportTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = provider == DatabaseSetup.Postgres ? new PostgresTestApp() : new TestApp();
        _app.With("Email:RunWorker", "false").With("PublicBaseUrl", "https://events.embassy.example");
        await _app.InitializeAsync();
        _app.Ready();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed record Held(HttpClient Office, Guid MissionId, Guid EventId);

    private static async Task<Guid> EventAsync(HttpClient office, string title, DateTime day)
    {
        var e = await (await office.PostAsJsonAsync("/api/events", new { title, kind = "Reception", startsAt = $"{day:yyyy-MM-dd}T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return Guid.Parse(e.GetProperty("id").GetString()!);
    }

    private async Task CheckInAsync(Held h, Guid guest, byte companion = 0)
    {
        var (signed, _, _) = await _app.GuestCodesAsync(h.MissionId, h.EventId, guest, companion);
        var scan = await (await h.Office.PostAsJsonAsync($"/api/events/{h.EventId}/checkin", new { code = signed, station = "Main door" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admitted", scan.GetProperty("result").GetString());
    }

    // Ten people from the directory; the First Secretary of Jordan is kept off the list until he comes in his
    // ambassador's place.
    private async Task<Held> HoldEventAsync()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var office = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await office.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var contacts = (await office.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100"))!
            .ToDictionary(c => c.GetProperty("email").GetString()!.Split('@')[0].Split('.')[0], c => Guid.Parse(c.GetProperty("id").GetString()!));
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date;

        // Last year's reception of the same kind: one guest, who came.
        var earlier = new Held(office, mission.Id, await EventAsync(office, "Reception 2025", day.AddDays(-300)));
        (await office.PostAsJsonAsync($"/api/events/{earlier.EventId}/guests", new { contactIds = new[] { contacts["wang"] } })).EnsureSuccessStatusCode();
        var earlierGuest = Guid.Parse((await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{earlier.EventId}/guests"))![0].GetProperty("id").GetString()!);
        (await office.PutAsJsonAsync($"/api/events/{earlier.EventId}/guests/{earlierGuest}", new { rsvp = "accepted" })).EnsureSuccessStatusCode();
        await CheckInAsync(earlier, earlierGuest);

        var h = new Held(office, mission.Id, await EventAsync(office, "National Day reception", day.AddDays(1)));
        (await office.PostAsJsonAsync($"/api/events/{h.EventId}/guests", new { contactIds = contacts.Where(c => c.Key != "adnan").Select(c => c.Value) })).EnsureSuccessStatusCode();
        var guests = (await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{h.EventId}/guests"))!
            .ToDictionary(g => g.GetProperty("contact").GetProperty("email").GetString()!.Split('@')[0].Split('.')[0], g => Guid.Parse(g.GetProperty("id").GetString()!));
        async Task Answer(string who, string rsvp, int plusOnes = 0) =>
            (await office.PutAsJsonAsync($"/api/events/{h.EventId}/guests/{guests[who]}", new { rsvp, plusOnes })).EnsureSuccessStatusCode();
        foreach (var who in new[] { "wang", "yamada", "olga", "liu", "amara" })
        {
            await Answer(who, "accepted");
        }
        await Answer("kovacs", "accepted", plusOnes: 1);
        await Answer("kim", "declined");
        // The ambassador of Jordan sends her First Secretary.
        var deputy = await (await office.PostAsJsonAsync($"/api/events/{h.EventId}/guests/{guests["rana"]}/substitute", new { contactId = contacts["adnan"] }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var adnan = Guid.Parse(deputy.GetProperty("id").GetString()!);

        foreach (var who in new[] { "wang", "kovacs", "olga", "liu", "amara" })
        {
            await CheckInAsync(h, guests[who]);
        }
        await CheckInAsync(h, guests["kovacs"], companion: 1);
        await CheckInAsync(h, adnan);
        // Someone nobody invited, whose organization a spreadsheet would take for a formula.
        (await office.PostAsJsonAsync($"/api/events/{h.EventId}/walkins", new { firstName = "Jane", lastName = "Doe", organization = "=HYPERLINK(\"https://evil.example\")", category = "Diplomatic corps", station = "Main door" }))
            .EnsureSuccessStatusCode();
        return h;
    }

    [Fact]
    public async Task The_report_counts_who_was_asked_who_answered_and_who_came()
    {
        var h = await HoldEventAsync();

        var r = await h.Office.GetFromJsonAsync<JsonElement>($"/api/events/{h.EventId}/report");

        int N(string name) => r.GetProperty(name).GetInt32();
        // On the list: the nine invited and the deputy; Beridze never answered; Rana is declined, her deputy came.
        Assert.Equal((10, 7, 2, 1), (N("invited"), N("accepted"), N("declined"), N("pending")));
        Assert.Equal((7, 1, 1, 1), (N("attended"), N("walkIns"), N("companions"), N("noShows")));
        Assert.Equal(0.9, r.GetProperty("responseRate").GetDouble());
        Assert.Equal(0.857, r.GetProperty("attendanceRate").GetDouble()); // six of the seven who said yes
        Assert.Equal("Embassy of Japan", Assert.Single(r.GetProperty("noShowGuests").EnumerateArray()).GetProperty("organization").GetString());

        var byCategory = r.GetProperty("byCategory").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => (c.GetProperty("invited").GetInt32(), c.GetProperty("accepted").GetInt32(), c.GetProperty("attended").GetInt32()));
        Assert.Equal((8, 5, 5), byCategory["Diplomatic corps"]); // the walk-in attended, never invited
        Assert.Equal((1, 1, 1), byCategory["Academia"]);
        Assert.Equal((1, 1, 1), byCategory["International organizations"]);

        var missions = r.GetProperty("missionsRepresented").EnumerateArray().ToList();
        var level = missions.ToDictionary(m => m.GetProperty("organization").GetString()!, m => m.GetProperty("level").GetString());
        Assert.Equal("headOfMission", level["Embassy of China"]);
        Assert.Equal("headOfMission", level["World Health Organization"]);
        Assert.Equal("deputy", level["Embassy of Jordan"]);
        Assert.Equal("staff", level["Embassy of the Russian Federation"]);
        Assert.False(level.ContainsKey("Embassy of Japan")); // a no-show represents nobody
        Assert.False(level.ContainsKey("Embassy of the Republic of Korea"));
        Assert.Equal(["headOfMission", "headOfMission", "headOfMission", "deputy", "staff", "staff", "staff"], missions.Select(m => m.GetProperty("level").GetString()));
        var jordan = missions.Single(m => m.GetProperty("organization").GetString() == "Embassy of Jordan");
        Assert.Equal(("Jordan", "Mr. عدنان الشوابكة"), (jordan.GetProperty("country").GetString(), jordan.GetProperty("attendees").EnumerateArray().Single().GetProperty("name").GetString()));

        var previous = r.GetProperty("previous");
        Assert.Equal(("Reception 2025", 1, 1, 1.0), (previous.GetProperty("title").GetString(), previous.GetProperty("invited").GetInt32(), previous.GetProperty("attended").GetInt32(),
            previous.GetProperty("attendanceRate").GetDouble()));
    }

    [Fact]
    public async Task The_guest_list_and_the_workbook_download_with_formulas_neutralised()
    {
        var h = await HoldEventAsync();

        var csv = await h.Office.GetAsync($"/api/events/{h.EventId}/guests.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.Contains("Embassy of China", text, StringComparison.Ordinal);
        Assert.Equal(12, text.Trim().Split('\n').Length); // the header, the ten on the list (the deputy among them) and the walk-in
        var xlsx = await h.Office.GetAsync($"/api/events/{h.EventId}/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Summary", "By category", "Missions represented", "No-shows", "Guests"], book.GetSheetNames());
        var summary = book.Query(useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>().ToDictionary(row => (string)row["Figure"]!, row => row["Value"]?.ToString());
        Assert.Equal(("10", "7", "90.0 %"), (summary["Invited"], summary["Attended"], summary["Response rate"]));
        var walkIn = book.Query(useHeaderRow: true, sheetName: "Guests").Cast<IDictionary<string, object?>>().Single(row => (string?)row["Walk-in"] == "yes");
        Assert.StartsWith("'=", (string)walkIn["Organization"]!);
    }

    [Fact]
    public async Task Only_the_missions_protocol_and_press_staff_see_the_report()
    {
        var h = await HoldEventAsync();
        var press = await _app.ApiClientAsync(await _app.CreateUserAsync(h.MissionId, MissionRole.Press));
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(h.MissionId, MissionRole.Door));
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Protocol));
        using var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await press.GetAsync($"/api/events/{h.EventId}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/events/{h.EventId}/report")).StatusCode);
        foreach (var path in new[] { "report", "report.xlsx", "guests.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/events/{h.EventId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/events/{h.EventId}/{path}")).StatusCode);
        }
    }
}

public sealed class ReportTestsOnSqlite() : ReportTests(DatabaseSetup.Sqlite);

public sealed class ReportTestsOnPostgres() : ReportTests(DatabaseSetup.Postgres);
