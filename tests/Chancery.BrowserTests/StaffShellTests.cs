using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

/// <summary>A protocol officer signs in through the real page in Chromium and finds their way around.</summary>
public sealed class StaffShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] StaffPages = ["/staff", "/staff/missions", "/staff/users", "/staff/users/invite", "/staff/audit", "/staff/mail", "/account/password", "/staff/contacts", "/staff/contacts/import", "/staff/contacts/edit", "/staff/organizations", "/staff/contacts/categories", "/staff/events", "/staff/events/edit", "/staff/missions/precedence"];

    internal static async Task SignInAsync(IPage page, string email = TestApp.AdminEmail, string password = TestApp.AdminPassword)
    {
        await page.GotoAsync("/staff");
        Assert.Contains("/account/login", page.Url);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
    }

    internal static Task<byte[]> ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    internal static List<string> WatchConsole(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                // The message alone ("the server responded with a status of 400") does not say which request.
                problems.Add($"{m.Text} at {m.Location}");
            }
        };
        page.PageError += (_, e) => problems.Add(e);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                problems.Add($"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        return problems;
    }

    [Fact]
    public async Task Signing_in_through_the_page_lands_on_the_overview()
    {
        var f = fixture.Ready();
        var page = await f.NewPageAsync();
        var console = WatchConsole(page);

        await page.GotoAsync("/account/login");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "login-desktop");
        await SignInAsync(page);

        Assert.Equal("Default mission", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(TestApp.AdminEmail, await page.Locator(".who").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "overview-desktop");
        Assert.Empty(console);
    }

    [Fact]
    public async Task A_missions_public_home_reads_well_in_arabic_on_a_phone_and_a_desktop_without_staff_tools()
    {
        var f = fixture.Ready();
        var api = await f.App.ApiClientAsync();
        var created = await (await api.PostAsJsonAsync("/api/missions", new { name = "سفارة جمهورية فنلندا", city = "عمّان", country = "Finland", timeZone = "Asia/Amman" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var slug = await f.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Missions).Where(m => m.Id == id).Select(m => m.Slug)));
        foreach (var phone in new[] { false, true })
        {
            var page = await f.NewPageAsync(phone);
            var console = WatchConsole(page);
            await page.GotoAsync($"/m/{slug}");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("سفارة جمهورية فنلندا");
            Assert.Equal(0, await page.Locator(".mission-switcher, a[href='/scalar'], a[href='/staff']").CountAsync());
            await Accessibility.AssertNoViolationsAsync(page);
            await Layout.AssertNoSidewaysScrollAsync(page);
            await ScreenshotAsync(page, $"public-home-{(phone ? "phone" : "desktop")}");
            Assert.Empty(console);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_on_the_page()
    {
        var page = await fixture.Ready().NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(TestApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync("not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or password is wrong");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Every_staff_page_passes_axe_and_raises_no_console_error_on_desktop_and_phone()
    {
        var f = fixture.Ready();
        foreach (var phone in new[] { false, true })
        {
            var page = await f.NewPageAsync(phone);
            var console = WatchConsole(page);
            await SignInAsync(page);
            foreach (var url in StaffPages)
            {
                await page.GotoAsync(url);
                await Accessibility.AssertNoViolationsAsync(page);
                await Layout.AssertNoSidewaysScrollAsync(page);
                await ScreenshotAsync(page, $"{url.Trim('/').Replace('/', '-')}-{(phone ? "phone" : "desktop")}");
            }
            Assert.Empty(console);
        }
    }

    [Fact]
    public async Task Missions_named_in_arabic_and_chinese_read_right_and_the_switcher_moves_between_them()
    {
        var f = fixture.Ready();
        var api = await f.App.ApiClientAsync();
        await api.PostAsJsonAsync("/api/missions", new { name = "سفارة جمهورية أذربيجان", country = "Azerbaijan", city = "عمّان", timeZone = "Asia/Amman" });
        await api.PostAsJsonAsync("/api/missions", new { name = "驻华大使馆", country = "Finland", city = "北京", timeZone = "Asia/Shanghai" });
        var page = await f.NewPageAsync();
        await SignInAsync(page);

        await page.GetByLabel("Mission", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "سفارة جمهورية أذربيجان" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("سفارة جمهورية أذربيجان");
        Assert.Equal("auto", await page.Locator("h1").GetAttributeAsync("dir"));
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "overview-arabic-desktop");

        await page.GotoAsync("/staff/missions");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "驻华大使馆" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("驻华大使馆");
        var phone = await f.NewPageAsync(phone: true);
        await SignInAsync(phone);
        await phone.GotoAsync("/staff/missions");
        await ScreenshotAsync(phone, "missions-scripts-phone");
    }

    [Fact]
    public async Task The_keyboard_reaches_a_skip_link_first_and_focus_is_visible()
    {
        var page = await fixture.Ready().NewPageAsync();
        await SignInAsync(page);

        await page.Keyboard.PressAsync("Tab");

        var focused = page.Locator(":focus");
        Assert.Equal("Skip to content", await focused.InnerTextAsync());
        var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        // Waited for, not read at once: on a loaded machine the fragment lands a moment after the key.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));
    }
}
