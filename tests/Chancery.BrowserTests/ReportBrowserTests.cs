using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>The report as the press office reads it the evening after: on a desktop, on a phone, and printed (screenshots under screenshots/report-*).</summary>
public sealed class ReportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_report_reads_on_a_desktop_and_a_phone_and_prints_without_the_staff_tools()
    {
        var f = fixture.Ready();
        var held = await ScriptedEvent.HoldAsync(f.App);
        var press = await f.App.CreateUserAsync(held.MissionId, MissionRole.Press, $"press-{Guid.NewGuid():N}@test.example");
        foreach (var phone in new[] { false, true })
        {
            var page = await f.NewPageAsync(phone);
            var console = WatchConsole(page);
            await SignInAsync(page, press);
            await page.GotoAsync($"/staff/events/{held.EventId}/report");

            await Assertions.Expect(page.Locator("ul.counts")).ToContainTextAsync("7 attended");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Invited, accepted and attended, by category" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#missions + .table-wrap")).ToContainTextAsync("عدنان");
            await Accessibility.AssertNoViolationsAsync(page);
            await Layout.AssertNoSidewaysScrollAsync(page);
            await ScreenshotAsync(page, $"report-{(phone ? "phone" : "desktop")}");
            if (!phone)
            {
                // The officer signed in on the staff pages downloads both files from the page (they once led to the API and a bare 401).
                var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the workbook (XLSX)" }).ClickAsync());
                Assert.EndsWith(".xlsx", workbook.SuggestedFilename, StringComparison.Ordinal);
                var xlsx = await File.ReadAllBytesAsync((await workbook.PathAsync())!);
                Assert.Equal("PK"u8.ToArray(), xlsx[..2]); // a zip: an Office workbook, not an error page
                var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "The guest list (CSV)" }).ClickAsync());
                Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
                Assert.Contains("Name,Organization", await File.ReadAllTextAsync((await csv.PathAsync())!), StringComparison.Ordinal);
                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the workbook (XLSX)" })).ToBeHiddenAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Invited, accepted and attended, by category" })).ToBeVisibleAsync();
                await ScreenshotAsync(page, "report-print");
            }
            Assert.Empty(console);
        }
    }
}
