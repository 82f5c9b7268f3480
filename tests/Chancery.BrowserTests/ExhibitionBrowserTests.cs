using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Domain.Missions;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>
/// The seed's "photo exhibition of the articles published in the international press", put on as the press office
/// would: curated on the staff pages, then on the website (English and Arabic, desktop and phone), on the hall's
/// screen (a slideshow that goes on offline) and on paper (A4 and A3 posters, printed to PDF). Screenshots exhibition-*.
/// </summary>
public sealed partial class ExhibitionBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_press_officer_puts_on_an_exhibition_for_the_website_the_hall_and_the_walls()
    {
        var f = fixture.Ready();
        var mission = await f.App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var press = await f.App.CreateUserAsync(mission.Id, MissionRole.Press, $"press-{Guid.NewGuid():N}@test.example");
        var api = await f.App.ApiClientAsync(press);
        foreach (var (title, outlet, language) in new[] { ("阿塞拜疆驻华使馆举行纪念活动", "人民网", "zh"), ("السفارة تحيي الذكرى", "الأهرام", "ar"), ("L'Ambassade commémore les victimes", "Le Quotidien", "fr") })
        {
            var created = await api.PostAsJsonAsync("/api/press", new { outlet, title, language, country = "—", publishedOn = "2024-02-27", url = "https://paper.example/" + language });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var form = new MultipartFormDataContent { { new ByteArrayContent(PressBrowserTests.Clipping()), "file", "clipping.png" } };
            (await api.PostAsync($"/api/press/{id}/clipping", form)).EnsureSuccessStatusCode();
        }

        // Curated on the staff pages.
        var page = await f.NewPageAsync();
        var console = WatchConsole(page);
        await SignInAsync(page, press);
        await page.GotoAsync("/staff/press");
        await page.GetByRole(AriaRole.Link, new() { Name = "Exhibitions" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("The world's press remembers");
        await page.GetByLabel("Its main language").FillAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("add its articles");
        await page.Locator("input[name='Texts[1].Language']").FillAsync("ar");
        await page.Locator("input[name='Texts[1].Title']").FillAsync("الصحافة العالمية تتذكر");
        await page.Locator("#about").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Saved.");
        for (var i = 0; i < 3; i++)
        {
            await page.Locator(".found-articles").GetByRole(AriaRole.Button, new() { Name = "Add" }).First.ClickAsync();
            await Assertions.Expect(page.Locator(".exhibition-pieces > li")).ToHaveCountAsync(i + 1);
        }
        await page.GetByLabel("Caption (en)").First.FillAsync("Le Quotidien, the day after the ceremony.");
        await page.GetByLabel("Caption (ar)").First.FillAsync("صحيفة لو كوتيديان في اليوم التالي للحفل.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the captions" }).ClickAsync();
        var firstTitle = await page.Locator(".exhibition-pieces > li").First.Locator("a").TextContentAsync();
        await page.Locator(".exhibition-pieces > li").Nth(1).Locator("button[value$=':up']").ClickAsync();
        await Assertions.Expect(page.Locator(".exhibition-pieces > li").Nth(1).Locator("a")).ToHaveTextAsync(firstTitle!);
        await Assertions.Expect(page.Locator(".exhibition-pieces > li").Nth(1).GetByLabel("Caption (en)")).ToHaveValueAsync("Le Quotidien, the day after the ceremony."); // the caption moved with it
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Published");
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "exhibition-edit-desktop");
        var address = await page.GetByRole(AriaRole.Link, new() { Name = "On the website" }).GetAttributeAsync("href");
        var path = new Uri(address!).AbsolutePath;
        var staffPath = new Uri(page.Url).AbsolutePath;

        // On the website, in English on a desktop and in Arabic on a phone.
        foreach (var (phone, lang) in new[] { (false, "en"), (true, "ar") })
        {
            var reader = await f.NewPageAsync(phone);
            await reader.GotoAsync(path + (lang == "en" ? "" : "?lang=ar"));
            await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(lang == "en" ? "The world's press remembers" : "الصحافة العالمية تتذكر");
            await Assertions.Expect(reader.Locator("html")).ToHaveAttributeAsync("dir", lang == "ar" ? "rtl" : "ltr");
            await Assertions.Expect(reader.Locator(".exhibit")).ToHaveCountAsync(3);
            await reader.WaitForFunctionAsync("() => [...document.querySelectorAll('.exhibit img')].every(i => i.complete && i.naturalWidth > 0)");
            await Accessibility.AssertNoViolationsAsync(reader);
            await Layout.AssertNoSidewaysScrollAsync(reader);
            await ScreenshotAsync(reader, $"exhibition-public-{lang}-{(phone ? "phone" : "desktop")}");
        }

        // On the hall's screen: every picture fetched at the start; then the network goes and the show goes on.
        var hall = await f.NewPageAsync();
        await hall.SetViewportSizeAsync(1920, 1080);
        await hall.GotoAsync(path + "/slideshow?seconds=3");
        await Assertions.Expect(hall.Locator("[data-status]")).ToHaveTextAsync("Ready: runs without the network");
        await hall.Context.SetOfflineAsync(true);
        await Assertions.Expect(hall.Locator("[data-count]")).ToHaveTextAsync("1 / 4");
        await hall.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(hall.Locator("[data-count]")).ToHaveTextAsync("2 / 4");
        var shown = hall.Locator(".slide:not([hidden]) img");
        Assert.StartsWith("blob:", await shown.GetAttributeAsync("src"), StringComparison.Ordinal);
        await hall.WaitForFunctionAsync("() => { const i = document.querySelector('.slide:not([hidden]) img'); return i.complete && i.naturalWidth > 0; }");
        await ScreenshotAsync(hall, "exhibition-slideshow");
        await Assertions.Expect(hall.Locator("[data-count]")).ToHaveTextAsync("3 / 4", new() { Timeout = 6000 }); // the timer moves it on
        await hall.Keyboard.PressAsync(" ");
        await Assertions.Expect(hall.GetByRole(AriaRole.Button, new() { Name = "Play" })).ToBeVisibleAsync();
        var paused = await hall.Locator("[data-count]").TextContentAsync();
        await hall.WaitForTimeoutAsync(3500);
        Assert.Equal(paused, await hall.Locator("[data-count]").TextContentAsync()); // paused stays
        await hall.Keyboard.PressAsync("End");
        await Assertions.Expect(hall.Locator("[data-count]")).ToHaveTextAsync("4 / 4");
        await hall.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(hall.Locator("[data-count]")).ToHaveTextAsync("1 / 4"); // round again
        await Accessibility.AssertNoViolationsAsync(hall);

        // On paper: a sheet per article, A4 and A3, printed to PDF at the size the page asks for.
        foreach (var (paper, width, height) in new[] { ("a4", 595.0, 842.0), ("a3", 842.0, 1191.0) })
        {
            await page.GotoAsync($"{staffPath}/posters?paper={paper}");
            await Assertions.Expect(page.Locator(".poster")).ToHaveCountAsync(3);
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.poster img')].every(i => i.complete && i.naturalWidth > 0)");
            await Accessibility.AssertNoViolationsAsync(page);
            await ScreenshotAsync(page, $"exhibition-posters-{paper}");
            var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true }));
            var boxes = MediaBox().Matches(pdf).Select(m => (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(3, boxes.Count);
            Assert.All(boxes, b => Assert.True(Math.Abs(b.Item1 - width) < 2 && Math.Abs(b.Item2 - height) < 2, $"{paper}: {b}"));
        }
        var phonePosters = await f.NewPageAsync(phone: true);
        await SignInAsync(phonePosters, press);
        await phonePosters.GotoAsync(new Uri(page.Url).PathAndQuery);
        await Layout.AssertNoSidewaysScrollAsync(phonePosters);
        await ScreenshotAsync(phonePosters, "exhibition-posters-phone");
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
