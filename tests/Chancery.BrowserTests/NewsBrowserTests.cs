using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>
/// From a held event to a published news item in two languages, as the press office does it: the draft written from
/// the event, the words only a person can write typed in with the live preview following, a version in Arabic, a
/// second person's approval, and the public pages on a desktop and a phone (screenshots under screenshots/news-*).
/// </summary>
public sealed class NewsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_press_officer_publishes_the_event_in_two_languages_and_readers_see_it_on_a_phone_and_a_desktop()
    {
        var f = fixture.Ready();
        var held = await ScriptedEvent.HoldAsync(f.App);
        var writer = await f.App.CreateUserAsync(held.MissionId, MissionRole.Press, $"attache-{Guid.NewGuid():N}@test.example");
        var approver = await f.App.CreateUserAsync(held.MissionId, MissionRole.Press, $"counsellor-{Guid.NewGuid():N}@test.example");
        var slug = await f.App.WithDbAsync(db => Task.FromResult(db.Missions.IgnoreQueryFilters().Where(m => m.Id == held.MissionId).Select(m => m.Slug).Single()));

        var page = await f.NewPageAsync();
        var console = WatchConsole(page);
        await SignInAsync(page, writer);
        await page.GotoAsync($"/staff/events/{held.EventId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "News item written from this event" }).ClickAsync();
        await page.GetByLabel("Language").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();

        var body = page.GetByLabel("Text, in Markdown");
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("National Day reception was held at Residence"));
        var preview = page.Locator("#news-preview");
        await Assertions.Expect(preview).ToContainTextAsync("Among the guests were");
        // What only a person can write: the ambassador's words, with the preview following the typing.
        await body.FillAsync((await body.InputValueAsync()).TrimEnd() + "\n\n## The ambassador's words\n\nThe Ambassador thanked the **guests** for coming.\n");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("guests");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved");
        // A photo from the evening, with what it shows for someone who cannot see it.
        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = "garden.png", MimeType = "image/png", Buffer = Photo() });
        await page.GetByLabel("Alt text: what it shows").FillAsync("Guests in the embassy garden at dusk");
        await page.GetByLabel("Caption", new() { Exact = true }).Last.FillAsync("The reception in the garden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the photo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("location and camera data were removed");
        await Assertions.Expect(page.Locator(".photo-list img")).ToHaveAttributeAsync("alt", "Guests in the embassy garden at dusk");
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "news-editor-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Assertions.Expect(page.Locator(".news-status")).ToContainTextAsync("Waiting for approval");
        var english = page.Url;

        // The Arabic version, written from the event in Arabic.
        await page.GetByLabel("Another language").FillAsync("ar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write it from the event in that language" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Text, in Markdown")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("أقيمت فعالية"));
        await Assertions.Expect(page.Locator("#news-preview")).ToHaveAttributeAsync("dir", "rtl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        var arabic = page.Url;
        // The writer cannot approve: the button is not there, and the page says who does.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".news-steps")).ToContainTextAsync("another member of the press office");
        Assert.Empty(console);

        var second = await f.NewPageAsync(phone: true);
        await SignInAsync(second, approver);
        foreach (var item in new[] { english, arabic })
        {
            await second.GotoAsync(item);
            await second.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Assertions.Expect(second.Locator(".news-status")).ToContainTextAsync("Published");
        }
        await Layout.AssertNoSidewaysScrollAsync(second);
        await ScreenshotAsync(second, "news-editor-phone");

        foreach (var phone in new[] { false, true })
        {
            var reader = await f.NewPageAsync(phone);
            var readerConsole = WatchConsole(reader);
            var size = phone ? "phone" : "desktop";
            await reader.GotoAsync($"/m/{slug}/news");
            await Assertions.Expect(reader.Locator(".news-entry h2")).ToHaveTextAsync("National Day reception");
            await Accessibility.AssertNoViolationsAsync(reader);
            await Layout.AssertNoSidewaysScrollAsync(reader);
            await ScreenshotAsync(reader, $"news-list-{size}");

            await reader.GetByRole(AriaRole.Link, new() { Name = "National Day reception" }).ClickAsync();
            await Assertions.Expect(reader.Locator("article h2")).ToHaveTextAsync("The ambassador's words");
            await Assertions.Expect(reader.GetByRole(AriaRole.Img, new() { Name = "Guests in the embassy garden at dusk" })).ToBeVisibleAsync();
            // Loaded (a broken image is "complete" too, with no width).
            await reader.WaitForFunctionAsync("() => { const i = document.querySelector('.news-lead img'); return i && i.complete && i.naturalWidth > 0; }");
            await Accessibility.AssertNoViolationsAsync(reader);
            await Layout.AssertNoSidewaysScrollAsync(reader);
            await ScreenshotAsync(reader, $"news-item-en-{size}");

            await reader.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
            await Assertions.Expect(reader.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("National Day reception");
            await Accessibility.AssertNoViolationsAsync(reader);
            await Layout.AssertNoSidewaysScrollAsync(reader);
            await ScreenshotAsync(reader, $"news-item-ar-{size}");
            Assert.Empty(readerConsole);
        }
    }

    // A 2000 × 1200 picture: a garden's green under an evening sky.
    private static byte[] Photo()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(2000, 1200);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = y < 700 ? new((byte)(40 + y / 10), (byte)(60 + y / 12), 140) : new(34, (byte)(100 + x % 60), 40);
                }
            }
        });
        using var bytes = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, bytes);
        return bytes.ToArray();
    }
}
