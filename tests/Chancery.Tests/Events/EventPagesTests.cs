using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Events;

public sealed class EventPagesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_event_page_lists_the_programme_and_the_guests_in_order_of_precedence()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await app.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var api = await app.ApiClientAsync(email);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("diplomatic-list.csv")), "file", "list.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var id = (await (await api.PostAsJsonAsync("/api/events", new { title = "Commemoration", kind = "Commemoration", startsAt = "2026-02-26T15:00", timeZone = "Asia/Shanghai", venue = "Courtyard" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await api.PostAsJsonAsync($"/api/events/{id}/programme", new { startsAt = "15:00", title = "Wreath-laying" });
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });
        using var session = await StaffSession.SignInAsync(app, email);

        var page = await session.GetPageAsync($"/staff/events/{id}");

        Assert.Contains("Wreath-laying", page.QuerySelector("ol.programme")!.TextContent);
        var firstGuest = page.QuerySelector("tbody tr td:nth-child(2)")!.TextContent.Trim();
        Assert.Equal("H.E. ნინო ბერიძე", firstGuest);
        Assert.Contains("15 invited", page.QuerySelector("section [role=status]")!.TextContent);
        Assert.Contains("Commemoration", (await session.GetPageAsync("/staff/events")).Body!.TextContent);

        var other = await app.CreateMissionAsync($"Other {Guid.NewGuid():N}");
        using var stranger = await StaffSession.SignInAsync(app, await app.CreateUserAsync(other.Id, MissionRole.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/events/{id}")).StatusCode);
    }
}
