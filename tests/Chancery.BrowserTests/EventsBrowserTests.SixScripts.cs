using Chancery.Tests.Infrastructure;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>
/// Issue 11's measure of done: a list in six scripts through the door list, the place cards and the orders of
/// precedence, as a chief of protocol would read them (screenshots under screenshots/six-scripts-*), and the
/// person page, programme and run of show on a 390-pixel phone.
/// </summary>
public sealed partial class EventsBrowserTests
{
    private const string LongArabicName = "عبد الرحمن بن محمد بن عبد العزيز";

    [Fact]
    public async Task A_list_in_six_scripts_prints_right_and_no_place_card_clips_a_name()
    {
        var page = await OfficerWithDirectoryAsync(0, list: SampleFiles.Fixture("names-in-six-scripts.csv"));
        var console = WatchConsole(page);
        // One name long enough to fill a card twice over, in Arabic, with a long honorific.
        await page.GotoAsync("/staff/contacts/edit");
        await page.GetByLabel("Honorific", new() { Exact = true }).First.FillAsync("His Royal Highness Prince");
        await page.GetByLabel("Given name").First.FillAsync(LongArabicName);
        await page.GetByLabel("Family name (a single name goes here)").FillAsync("آل سعود الفيصل");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("added");

        var eventUrl = await CreateEventAsync(page, "Reception for the diplomatic corps");
        await page.GotoAsync(eventUrl + "/guests");
        await page.GetByLabel("the whole directory").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add everyone matching" }).ClickAsync();
        await Assertions.Expect(page.Locator(".counts")).ToContainTextAsync("11 invited");
        foreach (var name in new[] { "王伟", "김지은", "رنا الخطيب" })
        {
            await page.Locator(".guest-table tbody tr", new() { HasText = name }).Locator("input[name=withPartner]").CheckAsync();
            await Assertions.Expect(page.Locator(".guest-table tbody tr", new() { HasText = name }).Locator(".save-state")).ToHaveTextAsync("Saved");
        }
        await page.GotoAsync(eventUrl + "/seating");
        await page.GetByLabel("Tables", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Seats each").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tables" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Seat everyone without a seat" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("14 placed");
        // The seat picker files by family name in Latin letters: al-Khatib among the Ks.
        var picker = await page.Locator("select[name=person] option").AllInnerTextsAsync();
        Assert.True(picker.ToList().FindIndex(o => o.StartsWith("al-Khatib, Rana", StringComparison.Ordinal)) > picker.ToList().FindIndex(o => o.StartsWith("Ivanova", StringComparison.Ordinal)));
        await ScreenshotAsync(page, "six-scripts-seating");

        // The door list: each name filed in Latin letters by its script's standard, the original beside it.
        await page.GotoAsync(eventUrl + "/print/door-list");
        var latin = (await page.Locator("table.door td.latin").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        foreach (var expected in new[] { "Beridze, Nino", "Ivanova, Olga", "al-Khatib, Rana", "Kim, Ji-eun", "Kovács, Viktória", "Liu, Min", "Wang, Wei", "Yamada, Taro" })
        {
            Assert.Contains(expected, latin);
        }
        Assert.True(latin.Any(l => l.StartsWith("al-Shawabaka", StringComparison.Ordinal) && l.EndsWith('†')), string.Join(" / ", latin)); // a guess, marked
        await Assertions.Expect(page.Locator(".to-check")).ToContainTextAsync("الشوابكة");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await ScreenshotAsync(page, "six-scripts-door-list");

        // Place cards, both sizes: no face of any card (the upside-down one included) cut off.
        foreach (var size in new[] { "A4", "A5" })
        {
            await page.GotoAsync($"{eventUrl}/print/place-cards?size={size}");
            await Assertions.Expect(page.Locator("html[data-fitted=yes]")).ToHaveCountAsync(1);
            var clipped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.card .half')]
                    .filter(h => h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1)
                    .map(h => h.innerText.replace(/\s+/g, ' ').slice(0, 60))
                """);
            Assert.True(clipped.Length == 0, $"{size} cards clip: {string.Join(" | ", clipped)}");
            Assert.Equal(2 * 15, await page.Locator(".card .half").CountAsync()); // 14 guests and partners, and the host
            await Assertions.Expect(page.Locator(".card .front", new() { HasText = "王伟" }).Locator(".latin-name")).ToHaveTextAsync("Wang Wei");
            await ScreenshotAsync(page, $"six-scripts-place-cards-{size.ToLowerInvariant()}");
        }

        await page.GotoAsync(eventUrl + "/print/orders");
        await Assertions.Expect(page.Locator("table tbody tr", new() { HasText = "王伟" })).ToContainTextAsync("(Wang Wei)");
        await ScreenshotAsync(page, "six-scripts-orders");
        await page.GotoAsync(eventUrl + "/print/table-plan");
        await ScreenshotAsync(page, "six-scripts-table-plan");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.Empty(console);
    }

    [Fact]
    public async Task The_person_page_the_programme_and_the_run_of_show_read_on_a_phone()
    {
        var page = await OfficerWithDirectoryAsync(0, phone: true, list: SampleFiles.Fixture("names-in-six-scripts.csv"));
        var eventUrl = await CreateEventAsync(page, "National Day reception and commemorative programme of the embassy");
        await page.GotoAsync(eventUrl + "/programme");
        await page.GetByLabel("Time").FillAsync("19:30");
        await page.GetByLabel("Item", new() { Exact = true }).FillAsync("Address by the Ambassador Extraordinary and Plenipotentiary on the anniversary");
        await page.GetByLabel("Speaker as printed").FillAsync("H.E. Ms. رنا الخطيب, Ambassador of the Hashemite Kingdom of Jordan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "phone-programme");
        await page.GotoAsync(eventUrl + "/print/programme");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "phone-run-of-show");

        await page.GotoAsync("/staff/contacts?q=" + Uri.EscapeDataString("김지은"));
        await page.GetByRole(AriaRole.Link, new() { Name = "H.E. 김지은" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("H.E. 김지은");
        await Assertions.Expect(page.Locator("dl.fields")).ToContainTextAsync("Kim, Ji-eun");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "phone-person");
    }
}
