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
    /// <summary>A mission, its protocol officer's API client, and a reception with everyone of the six-scripts list invited.</summary>
    private static async Task<(Mission Mission, HttpClient Api, Guid EventId)> ReceptionAsync(BrowserFixture f)
    {
        var mission = await f.App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}"[..30]);
        var api = await f.App.ApiClientAsync(await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "National Day reception", startsAt = "2027-02-26T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        return (mission, api, id);
    }

    [Fact]
    public async Task Door_staff_check_guests_in_on_a_phone()
    {
        var f = fixture.Ready();
        var (mission, api, id) = await ReceptionAsync(f);
        var wang = await f.App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "wang.wei@china.example.org").Select(g => g.Id).SingleAsync());
        var (_, typed, _) = await f.App.GuestCodesAsync(mission.Id, id, wang);

        var page = await f.NewPageAsync(phone: true);
        var console = WatchConsole(page);
        await SignInAsync(page, await f.App.CreateUserAsync(mission.Id, MissionRole.Door));
        await page.GotoAsync($"/staff/events/{id}/door?station=Main%20door");
        // A keyboard-wedge scanner types into the focused field and presses Enter. (Typed only once the page has put
        // the focus there: on a loaded machine the first characters once went to the page before it had.)
        await Assertions.Expect(page.GetByLabel("Code (scan or type)")).ToBeFocusedAsync();
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

    [Fact]
    public async Task Two_stations_keep_admitting_offline_and_every_scan_reaches_the_server()
    {
        var f = fixture.Ready();
        var (mission, api, id) = await ReceptionAsync(f);
        Task<Guid> GuestAsync(string email) => f.App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == email).Select(g => g.Id).SingleAsync());
        var (wang, kim, rana) = (await GuestAsync("wang.wei@china.example.org"), await GuestAsync("kim.jieun@korea.example.org"), await GuestAsync("rana.alkhatib@jordan.example.org"));
        var (_, wangTyped, _) = await f.App.GuestCodesAsync(mission.Id, id, wang);
        var (kimSigned, _, _) = await f.App.GuestCodesAsync(mission.Id, id, kim);

        async Task<IPage> StationAsync(string station)
        {
            var page = await f.NewPageAsync(phone: true);
            await SignInAsync(page, await f.App.CreateUserAsync(mission.Id, MissionRole.Door));
            await page.GotoAsync($"/staff/events/{id}/door?station={Uri.EscapeDataString(station)}");
            await Assertions.Expect(page.Locator("[data-door][data-offline-ready=true]")).ToHaveCountAsync(1); // the list is on the device
            return page;
        }
        async Task ScanAsync(IPage page, string code)
        {
            await page.GetByLabel("Code (scan or type)").FillAsync(code);
            await page.Keyboard.PressAsync("Enter");
        }
        var main = await StationAsync("Main door");
        var mainConsole = WatchConsole(main);
        var garden = await StationAsync("Garden gate");

        // Online, as before: the server answers.
        await ScanAsync(main, wangTyped);
        await Assertions.Expect(main.Locator(".door-answer.admitted")).ToContainTextAsync("王伟");
        await Assertions.Expect(main.Locator(".door-offline-mark")).ToHaveCountAsync(0);

        // The Wi-Fi goes. A signed QR code is verified on the phone; a name found in the phone's list.
        await main.Context.SetOfflineAsync(true);
        await garden.Context.SetOfflineAsync(true);
        await ScanAsync(main, kimSigned);
        await Assertions.Expect(main.Locator(".door-answer.admitted")).ToContainTextAsync("김지은");
        await Assertions.Expect(main.Locator(".door-offline-mark")).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator(".door-offline.is-offline")).ToContainTextAsync("1 scan waiting");
        await ScreenshotAsync(main, "door-phone-offline-admitted");
        await main.GetByLabel("Or find by name, in any script").FillAsync("الخطيب");
        await main.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Admit H.E. رنا الخطيب" }).ClickAsync();
        await Assertions.Expect(main.Locator(".door-answer.admitted")).ToContainTextAsync("الخطيب");
        await ScanAsync(main, wangTyped); // let in online a minute ago: the phone knows
        await Assertions.Expect(main.Locator(".door-answer.already")).ToContainTextAsync("王伟");
        await ScanAsync(main, "ZZZZ-ZZZZ-ZZZZ");
        await Assertions.Expect(main.Locator(".door-answer.unknown")).ToContainTextAsync("Not on the list");
        await Assertions.Expect(main.Locator(".door-offline")).ToContainTextAsync("4 scans waiting");
        await Layout.AssertNoSidewaysScrollAsync(main);
        await Accessibility.AssertNoViolationsAsync(main);
        await ScreenshotAsync(main, "door-phone-offline-queue");
        // Meanwhile at the garden gate, also offline, the same ambassador is let in again: it cannot know.
        await ScanAsync(garden, kimSigned);
        await Assertions.Expect(garden.Locator(".door-answer.admitted")).ToContainTextAsync("김지은");
        Assert.Equal(1, await f.App.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.EventId == id))); // only what came through online

        // The network is back: each station sends its queue, and the server has every check-in.
        await main.Context.SetOfflineAsync(false);
        await Assertions.Expect(main.Locator(".door-offline")).ToContainTextAsync("Sent 4 offline scans", new() { Timeout = 15000 });
        await garden.Context.SetOfflineAsync(false);
        await Assertions.Expect(garden.Locator(".door-offline")).ToContainTextAsync("already in", new() { Timeout = 15000 });
        await ScreenshotAsync(garden, "door-phone-back-online");
        var admitted = await f.App.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().Where(a => a.EventId == id).Select(a => a.GuestId).ToListAsync());
        Assert.Equal(new[] { wang, kim, rana }.Order(), admitted.Order());
        var kimScans = await f.App.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().Where(s => s.EventId == id && s.GuestId == kim).Select(s => s.Station).ToListAsync());
        Assert.Equal(["Garden gate", "Main door"], kimScans.Order());
        var arrivals = await (await api.GetAsync($"/api/events/{id}/arrivals")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(arrivals.GetProperty("twice").EnumerateArray(), t => t.GetProperty("guestId").GetGuid() == kim);
        Assert.True(mainConsole.Count == 0, string.Join("\n", mainConsole));
    }

    [Fact]
    public async Task The_phones_camera_reads_an_invitations_QR_code_and_keeps_reading()
    {
        var f = fixture.Ready();
        var (mission, _, id) = await ReceptionAsync(f);
        var nino = await f.App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == id && g.Contact!.Email == "nino.beridze@georgia.example.org").Select(g => g.Id).SingleAsync());
        var (signed, _, _) = await f.App.GuestCodesAsync(mission.Id, id, nino);

        // The camera films the invitation's QR code, then a QR code that is no invitation (a Wi-Fi poster), and so on
        // (Chromium's fake camera plays a video file, over and over).
        var video = Path.Combine(Path.GetTempPath(), $"door-qr-{Guid.NewGuid():N}.y4m");
        await File.WriteAllBytesAsync(video, QrVideo(signed, "WIFI:S:Residence;T:WPA;P:reception;;"));
        try
        {
            await using var browser = await f.LaunchWithCameraAsync(video);
            var context = await browser.NewContextAsync(new()
            {
                BaseURL = f.BaseUrl,
                ViewportSize = new() { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                Permissions = ["camera"],
            });
            var page = await context.NewPageAsync();
            var console = WatchConsole(page);
            await SignInAsync(page, await f.App.CreateUserAsync(mission.Id, MissionRole.Door));
            await page.GotoAsync($"/staff/events/{id}/door?station=Main%20door");
            await page.GetByRole(AriaRole.Button, new() { Name = "Scan with the camera" }).ClickAsync();
            await Assertions.Expect(page.Locator(".door-answer.admitted")).ToContainTextAsync("ნინო", new() { Timeout = 15000 });
            await ScreenshotAsync(page, "door-phone-camera");
            // The camera keeps reading after any answer: the poster is no invitation, and the invitation shown again
            // after it is one already let in. (The same code held in view is not sent again: the green stays green.)
            await Assertions.Expect(page.Locator(".door-answer.unknown")).ToContainTextAsync("Not on the list", new() { Timeout = 15000 });
            await Assertions.Expect(page.Locator(".door-answer.already")).ToContainTextAsync("ნინო", new() { Timeout = 15000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop the camera" })).ToBeVisibleAsync();
            Assert.Equal(1, await f.App.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == nino)));
            Assert.True(console.Count == 0, string.Join("\n", console));
        }
        finally
        {
            File.Delete(video);
        }
    }

    /// <summary>YUV4MPEG2 (what Chromium's fake camera plays): the QR code of each text in turn, two seconds each, black on white.</summary>
    private static byte[] QrVideo(params string[] texts)
    {
        using var file = new MemoryStream();
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{VideoWidth} H{VideoHeight} F10:1 Ip A1:1 C420jpeg\n"));
        foreach (var text in texts)
        {
            var frame = QrFrame(text);
            for (var i = 0; i < 20; i++)
            {
                file.Write("FRAME\n"u8);
                file.Write(frame);
            }
        }
        return file.ToArray();
    }

    private const int VideoWidth = 480, VideoHeight = 360;

    private static byte[] QrFrame(string text)
    {
        const int width = VideoWidth, height = VideoHeight;
        using var generator = new QRCoder.QRCodeGenerator();
        var modules = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var scale = Math.Min(width, height) * 9 / 10 / modules.Count;
        var (left, top) = ((width - modules.Count * scale) / 2, (height - modules.Count * scale) / 2);
        var luma = new byte[width * height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < modules.Count * scale; y++)
        {
            for (var x = 0; x < modules.Count * scale; x++)
            {
                if (modules[y / scale][x / scale])
                {
                    luma[(top + y) * width + left + x] = 16;
                }
            }
        }
        var frame = new byte[width * height * 3 / 2];
        luma.CopyTo(frame, 0);
        Array.Fill(frame, (byte)128, luma.Length, frame.Length - luma.Length); // no colour
        return frame;
    }
}
