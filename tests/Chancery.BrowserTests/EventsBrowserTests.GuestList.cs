using Chancery.Tests.Infrastructure;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>Issue 11, part 4: the guest list keeps every change, and is built from several categories at once.</summary>
public sealed partial class EventsBrowserTests
{
    [Fact]
    public async Task No_change_on_the_guest_list_is_lost_and_categories_combine()
    {
        var page = await OfficerWithDirectoryAsync(0, list: SampleFiles.Fixture("names-in-six-scripts.csv"));
        var console = WatchConsole(page);
        var eventUrl = await CreateEventAsync(page, "Lunar New Year reception");
        await page.GotoAsync(eventUrl + "/guests");

        // Two categories at once; the panel stays open for the next filter.
        var categories = page.GetByRole(AriaRole.Group, new() { Name = "Categories (any of those ticked)" });
        await categories.GetByLabel("Academia").CheckAsync();
        await categories.GetByLabel("International organizations").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add everyone matching" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("2 added");
        await Assertions.Expect(page.Locator("#add-by-filter")).ToHaveAttributeAsync("open", "");
        await categories.GetByLabel("Diplomatic corps").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add everyone matching" }).ClickAsync();
        await Assertions.Expect(page.Locator(".counts")).ToContainTextAsync("10 invited");

        // One guest's answer, then another guest's note saved with that row's button: both are kept.
        var rows = page.Locator(".guest-table tbody tr");
        var wang = rows.Filter(new() { HasText = "王伟" });
        var kim = rows.Filter(new() { HasText = "김지은" });
        await wang.Locator("select[name=rsvp]").SelectOptionAsync("Accepted");
        await Assertions.Expect(wang.Locator(".save-state")).ToHaveTextAsync("Saved");
        await Assertions.Expect(page.Locator("[data-count=accepted]")).ToHaveTextAsync("1");
        await kim.Locator("textarea[name=note]").FillAsync("Greets the Ambassador in Korean; no shellfish");
        await kim.GetByRole(AriaRole.Button, new() { NameRegex = SaveButton() }).ClickAsync();
        await Assertions.Expect(kim.Locator(".save-state")).ToHaveTextAsync("Saved");
        await ScreenshotAsync(page, "guest-list-saved-as-changed");

        await page.ReloadAsync();
        await Assertions.Expect(wang.Locator("select[name=rsvp]")).ToHaveValueAsync("Accepted");
        await Assertions.Expect(kim.Locator("textarea[name=note]")).ToHaveValueAsync("Greets the Ambassador in Korean; no shellfish");

        // A note typed and not yet saved: leaving the page asks first, and staying keeps it.
        var liu = rows.Filter(new() { HasText = "刘敏" });
        await liu.Locator("textarea[name=note]").ClickAsync();
        await page.Keyboard.TypeAsync("Speaks at 19:30");
        await Assertions.Expect(liu).ToHaveClassAsync("unsaved");
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };
        await page.EvaluateAsync("() => { location.href = '/staff/events'; }");
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("/guests", page.Url, StringComparison.Ordinal); // still here
        await Assertions.Expect(liu.Locator("textarea[name=note]")).ToHaveValueAsync("Speaks at 19:30");
        await liu.Locator("textarea[name=note]").BlurAsync();
        await Assertions.Expect(liu.Locator(".save-state")).ToHaveTextAsync("Saved");
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Empty(console);
    }
}
