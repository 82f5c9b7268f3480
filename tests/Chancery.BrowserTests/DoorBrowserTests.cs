using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>The door page on a phone: a code as a wedge scanner types it (then Enter), a name in Arabic script, the answers.</summary>
public sealed class DoorBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Door_staff_check_guests_in_on_a_phone()
    {
        var f = fixture.Ready();
        var mission = await f.App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}"[..30]);
        var api = await f.App.ApiClientAsync(await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "National Day reception", startsAt = "2027-02-26T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var wang = await f.App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "wang.wei@china.example.org").Select(g => g.Id).SingleAsync());
        var (_, typed, _) = await f.App.GuestCodesAsync(mission.Id, id, wang);

        var page = await f.NewPageAsync(phone: true);
        var console = WatchConsole(page);
        await SignInAsync(page, await f.App.CreateUserAsync(mission.Id, MissionRole.Door));
        await page.GotoAsync($"/staff/events/{id}/door?station=Main%20door");
        // A keyboard-wedge scanner types into the focused field and presses Enter.
        await page.Keyboard.TypeAsync(typed);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();
        await ScreenshotAsync(page, "door-phone-first");
        await Assertions.Expect(page.Locator(".door-answer.admitted")).ToContainTextAsync("王伟");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "door-phone-admitted");

        await page.Keyboard.TypeAsync(typed);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".door-answer.already")).ToContainTextAsync("Main door");
        await ScreenshotAsync(page, "door-phone-already");

        await page.GetByLabel("Or find by name, in any script").FillAsync("الخطيب");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Admit H.E. رنا الخطيب" }).ClickAsync();
        await Assertions.Expect(page.Locator(".door-answer.admitted")).ToContainTextAsync("الخطيب");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "door-phone-by-name");

        await page.GetByLabel("Code (scan or type)").FillAsync("ZZZZ-ZZZZ-ZZZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".door-answer.unknown")).ToContainTextAsync("Not on the list");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "door-phone-unknown");
        Assert.True(console.Count == 0, string.Join("\n", console));

        // The protocol officer watches the arrivals; a guest admitted at another station shows within seconds.
        var office = await f.NewPageAsync();
        var officeConsole = WatchConsole(office);
        await SignInAsync(office, await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        await office.GotoAsync($"/staff/events/{id}/arrivals");
        var arrived = office.Locator(".counts li").Filter(new() { HasText = "arrived" }).Locator("strong");
        await Assertions.Expect(arrived).ToHaveTextAsync("2");
        await Assertions.Expect(office.Locator(".hom li.in")).ToHaveCountAsync(2);
        var door = await f.App.ApiClientAsync(await f.App.CreateUserAsync(mission.Id, MissionRole.Door));
        (await door.PostAsJsonAsync($"/api/events/{id}/walkins", new { firstName = "Jane", lastName = "Walker", organization = "Foreign Press Club", station = "Garden gate" })).EnsureSuccessStatusCode();
        await Assertions.Expect(arrived).ToHaveTextAsync("3", new() { Timeout = 5000 });
        await Assertions.Expect(office.Locator(".latest li").First).ToContainTextAsync("Jane Walker");
        await Accessibility.AssertNoViolationsAsync(office);
        await ScreenshotAsync(office, "arrivals-desktop");
        await office.GotoAsync($"/staff/events/{id}/receiving-line");
        await Assertions.Expect(office.Locator(".receiving-name").First).ToContainTextAsync("الخطيب");
        await Accessibility.AssertNoViolationsAsync(office);
        await ScreenshotAsync(office, "receiving-line");
        Assert.True(officeConsole.Count == 0, string.Join("\n", officeConsole));
    }
}
