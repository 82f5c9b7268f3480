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
        var file = Path.Combine(SampleFiles.RepositoryRoot, "..", "shared", "data", "diplomatic-list.csv");

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
    public async Task A_bad_file_shows_every_problem_with_row_and_column()
    {
        var page = await OfficerPageAsync();

        await UploadAsync(page, Path.Combine(SampleFiles.RepositoryRoot, "..", "shared", "data", "diplomatic-list-bad.csv"));

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
