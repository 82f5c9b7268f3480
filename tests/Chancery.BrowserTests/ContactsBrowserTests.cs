using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>A protocol officer imports the host country's diplomatic list in Chromium and works with the directory.</summary>
public sealed partial class ContactsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OfficerPageAsync(bool phone = false)
    {
        var f = fixture.Ready();
        var mission = await f.App.CreateMissionAsync($"Embassy in Beijing {Guid.NewGuid():N}"[..30]);
        var email = await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var page = await f.NewPageAsync(phone);
        await SignInAsync(page, email);
        return page;
    }

    private static async Task UploadAsync(IPage page, string path)
    {
        await page.GotoAsync("/staff/contacts/import");
        await page.GetByLabel("File").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
    }

    [Fact]
    public async Task The_diplomatic_list_is_previewed_then_imported_and_found_in_the_directory()
    {
        var page = await OfficerPageAsync();
        var console = WatchConsole(page);
        var file = SampleFiles.FixturePath("diplomatic-list.csv");

        await UploadAsync(page, file);

        await Assertions.Expect(page.Locator("ul.summary")).ToContainTextAsync("15 new people");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "contacts-import-preview-desktop");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = ImportButton() }).ClickAsync();

        await page.WaitForURLAsync("**/staff/contacts");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("15 created");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "contacts-directory-desktop");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal(16, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("ნინო", exported);

        await page.GetByLabel("Search").FillAsync("ბერიძე");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "H.E. ნინო ბერიძე" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("H.E. ნინო ბერიძე");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "contacts-person-desktop");
        Assert.Empty(console);
    }

    [Fact]
    public async Task An_events_guest_list_reads_in_order_of_precedence()
    {
        var page = await OfficerPageAsync();
        await UploadAsync(page, SampleFiles.FixturePath("diplomatic-list.csv"));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = ImportButton() }).ClickAsync();
        await page.WaitForURLAsync("**/staff/contacts");
        // The event is set up through the API (its own forms are driven in the event tests); the API takes a bearer token, not the page's cookie.
        var email = await page.Locator(".who a").InnerTextAsync();
        var api = await fixture.App.ApiClientAsync(email);
        var id = (await (await api.PostAsJsonAsync("/api/events", new { title = "National Day reception", kind = "NationalDay", startsAt = "2026-05-28T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        await api.PostAsJsonAsync($"/api/events/{id}/programme", new { startsAt = "18:00", title = "Arrival of guests", place = "Garden" });
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });

        await page.GotoAsync("/staff/events");
        await page.GetByRole(AriaRole.Link, new() { Name = "National Day reception" }).ClickAsync();

        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("ბერიძე");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "event-guests-precedence-desktop");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_in_the_page_before_it_is_sent()
    {
        var page = await OfficerPageAsync();
        var uploads = 0;
        page.Request += (_, request) => uploads += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync("/staff/contacts/import");

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "whole-corps.csv", MimeType = "text/csv", Buffer = new byte[11 * 1024 * 1024] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("the limit is 10,240 KB. Split it into smaller files.");
        Assert.Equal(0, uploads);
    }

    [Fact]
    public async Task An_over_long_field_is_refused_beside_the_field_with_its_limit()
    {
        var page = await OfficerPageAsync(phone: true);
        await page.GotoAsync("/staff/contacts/edit");

        await page.GetByRole(AriaRole.Group, new() { Name = "Name" }).GetByLabel("Family name (a single name goes here)").FillAsync(new string('x', 321));
        await page.GetByLabel("Position").FillAsync("Counsellor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("#lastname-error")).ToContainTextAsync("Family name is at most 320 characters; this one has 321.");
        await Assertions.Expect(page.GetByLabel("Position")).ToHaveValueAsync("Counsellor"); // nothing typed is lost
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "contacts-field-too-long-phone");
    }

    [Fact]
    public async Task A_bad_file_shows_every_problem_with_row_and_column()
    {
        var page = await OfficerPageAsync();

        await UploadAsync(page, SampleFiles.FixturePath("diplomatic-list-bad.csv"));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("4 problems");
        Assert.Equal(4, await page.Locator(".errors-table tbody tr").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = ImportButton() }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "contacts-import-errors-desktop");
    }

    [Fact]
    public async Task The_directory_reads_well_on_a_phone()
    {
        var page = await OfficerPageAsync(phone: true);
        var generated = Path.Combine(Path.GetTempPath(), $"list-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(generated, SampleFiles.Generated(300));
        await UploadAsync(page, generated);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = ImportButton() }).ClickAsync();
        await page.WaitForURLAsync("**/staff/contacts");

        await Layout.AssertNoSidewaysScrollAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "contacts-directory-phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "contacts-directory-phone-screen.png") });
        File.Delete(generated);
    }

    [GeneratedRegex("^Import \\d+ change")]
    private static partial Regex ImportButton();
}
