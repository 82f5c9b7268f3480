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
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("PublicBaseUrl", "https://events.embassy.example"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) // not started: a PostgreSQL test skipped here
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private Task<ScriptedEvent> HoldEventAsync() => ScriptedEvent.HoldAsync(_app);

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
        // In order of precedence: the ambassadors by the date of their credentials, then the head of an international organization.
        Assert.Equal(["Embassy of China", "Embassy of Hungary", "World Health Organization"], missions.Take(3).Select(m => m.GetProperty("organization").GetString()));
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
        // The walk-in's organization, as its own (quoted) field: an apostrophe before the formula.
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\")\"", text);
        Assert.Contains("Embassy of China", text, StringComparison.Ordinal);
        Assert.Equal(12, text.Trim().Split('\n').Length); // the header, the ten on the list (the deputy among them) and the walk-in
        var xlsx = await h.Office.GetAsync($"/api/events/{h.EventId}/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Summary", "By category", "Missions represented", "No-shows", "Guests"], book.GetSheetNames());
        var summary = book.Query(useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>().ToDictionary(row => (string)row["Figure"]!, row => row["Value"]);
        // Numbers as numbers, to add up in the workbook.
        Assert.Equal((10.0, 7.0, 0.9), (Convert.ToDouble(summary["Invited"], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(summary["Attended"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(summary["Response rate"], System.Globalization.CultureInfo.InvariantCulture)));
        var walkIn = book.Query(useHeaderRow: true, sheetName: "Guests").Cast<IDictionary<string, object?>>().Single(row => (string?)row["Walk-in"] == "yes");
        Assert.StartsWith("'=", (string)walkIn["Organization"]!);
    }

    [Fact]
    public async Task The_report_page_draws_the_figures_for_the_press_office_and_encodes_every_name()
    {
        var h = await HoldEventAsync();
        using var press = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(h.MissionId, MissionRole.Press));

        var page = await press.GetPageAsync($"/staff/events/{h.EventId}/report");

        var figures = page.QuerySelector("ul.counts")!.TextContent;
        Assert.Contains("10 invited", figures);
        Assert.Contains("7 attended", figures);
        Assert.Contains("90% answered", figures);
        // The chart is an image with its figures in words, and the same numbers stand in a table.
        var chart = page.QuerySelector("figure.chart svg[role=img]")!;
        Assert.Contains("Diplomatic corps: 8 invited, 5 accepted, 5 attended", chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("figure.chart svg text.chart-label").Length);
        var missions = page.QuerySelector("#missions")!.ParentElement!;
        // A walk-in who represents no mission (her organization is no embassy) is not given a level of representation.
        Assert.DoesNotContain("Jane", missions.TextContent);
        Assert.Null(missions.QuerySelector("b"));
        Assert.Contains("Deputy", missions.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Embassy of Jordan")).TextContent);
        Assert.Contains("Reception 2025", page.QuerySelector("#compared")!.ParentElement!.TextContent);

        using var stranger = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Press));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/events/{h.EventId}/report")).StatusCode);

        // The downloads work for the officer signed in on the staff pages (they once linked to the API: a bare 401),
        // and not for another mission's officer nor for the door.
        var workbook = page.QuerySelector("a[download][href*='handler=Xlsx']")!.GetAttribute("href")!;
        var xlsx = await press.Client.GetAsync(workbook);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var csv = await press.Client.GetStringAsync(page.QuerySelector("a[download][href*='handler=Csv']")!.GetAttribute("href")!);
        Assert.Contains("Embassy of Jordan", csv);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(workbook)).StatusCode);
        using var door = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(h.MissionId, MissionRole.Door));
        Assert.NotEqual(HttpStatusCode.OK, (await door.Client.GetAsync(workbook)).StatusCode);
    }

    [Fact]
    public async Task A_person_erased_on_request_is_counted_and_never_named()
    {
        var h = await HoldEventAsync();
        var olga = (await h.Office.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100"))!.Single(c => c.GetProperty("email").ValueKind == JsonValueKind.String && c.GetProperty("email").GetString()!.StartsWith("olga", StringComparison.Ordinal));
        (await h.Office.PostAsync($"/api/contacts/{olga.GetProperty("id").GetString()}/erase", null)).EnsureSuccessStatusCode();

        var r = await h.Office.GetFromJsonAsync<JsonElement>($"/api/events/{h.EventId}/report");
        var csv = await h.Office.GetStringAsync($"/api/events/{h.EventId}/guests.csv");

        Assert.Equal(7, r.GetProperty("attended").GetInt32());
        // Her embassy came through no one else: listing it, even without her name, would say who she was.
        Assert.DoesNotContain("Embassy of the Russian Federation", r.GetRawText());
        Assert.Contains(EventReportErased, csv);
        Assert.DoesNotContain("Иванова", csv);
        Assert.DoesNotContain("Russian Federation", csv);

        // Nor where she worked or in what category she was listed, on the guest list and the arrivals, API and pages.
        var row = (await h.Office.GetFromJsonAsync<JsonElement[]>($"/api/events/{h.EventId}/guests"))!.Single(g => g.GetProperty("contact").GetProperty("lastName").GetString() == "(erased)");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (row.GetProperty("contact").GetProperty("organization").ValueKind, row.GetProperty("contact").GetProperty("category").ValueKind));
        var latest = (await h.Office.GetFromJsonAsync<JsonElement>($"/api/events/{h.EventId}/arrivals")).GetProperty("latest").EnumerateArray()
            .Single(a => a.GetProperty("guestId").GetString() == row.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, latest.GetProperty("organization").ValueKind);
        using var office = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(h.MissionId, MissionRole.Protocol));
        foreach (var page in new[] { "guests", "arrivals" })
        {
            var html = await office.Client.GetStringAsync($"/staff/events/{h.EventId}/{page}");
            Assert.Contains("(erased)", html);
            Assert.DoesNotContain("Embassy of the Russian Federation", html);
        }
    }

    private const string EventReportErased = Chancery.Domain.Reports.EventReport.Erased;

    [Fact]
    public async Task Only_the_missions_protocol_and_press_staff_see_the_report()
    {
        var h = await HoldEventAsync();
        var press = await _app.ApiClientAsync(await _app.CreateUserAsync(h.MissionId, MissionRole.Press));
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(h.MissionId, MissionRole.Door));
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Protocol));
        using var anonymous = _app.CreateClient();

        foreach (var path in new[] { "report", "report.xlsx", "guests.csv" })
        {
            Assert.Equal(HttpStatusCode.OK, (await press.GetAsync($"/api/events/{h.EventId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/events/{h.EventId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/events/{h.EventId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/events/{h.EventId}/{path}")).StatusCode);
        }
    }
}

public sealed class ReportTestsOnSqlite() : ReportTests(DatabaseSetup.Sqlite);

public sealed class ReportTestsOnPostgres() : ReportTests(DatabaseSetup.Postgres);
