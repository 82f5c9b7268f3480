using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>The press archive as the press office uses it: an article added by pasting its link, its clipping, found again in its own script (screenshots press-*).</summary>
public sealed class PressBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Article = """
        <!DOCTYPE html><html lang="zh"><head><title>x</title>
        <meta property="og:title" content="阿塞拜疆驻华使馆举行纪念活动">
        <meta property="og:site_name" content="人民网">
        <meta property="article:published_time" content="2024-02-27T08:00:00+08:00">
        <meta name="description" content="使馆举办图片展，展出国际媒体的报道。">
        </head><body><article><p>外交使团代表出席了活动。</p></article></body></html>
        """;

    [Fact]
    public async Task A_press_officer_archives_an_article_from_its_link_with_its_clipping_and_finds_it_again()
    {
        var f = fixture.Ready();
        await using var site = await LocalSiteAsync();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var mission = await f.App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var press = await f.App.CreateUserAsync(mission.Id, MissionRole.Press, $"press-{Guid.NewGuid():N}@test.example");

        var page = await f.NewPageAsync();
        var console = WatchConsole(page);
        await SignInAsync(page, press);
        await page.GotoAsync("/staff/press/edit");
        await page.GetByLabel("Link to the article").FillAsync(address + "/article");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the page" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title as published")).ToHaveValueAsync("阿塞拜疆驻华使馆举行纪念活动");
        await Assertions.Expect(page.GetByLabel("Outlet")).ToHaveValueAsync("人民网");
        await Assertions.Expect(page.GetByLabel("Date published")).ToHaveValueAsync("2024-02-27");
        await page.GetByLabel("Country").FillAsync("China");
        await page.GetByLabel("Title translated").FillAsync("The Embassy of Azerbaijan in China holds a commemoration");
        await page.GetByLabel("Topics, separated by commas").FillAsync("commemoration, exhibition");
        await page.GetByLabel("Topics, separated by commas").PressAsync("Enter"); // Enter saves, it does not read the page again
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("add its clipping");

        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = "clipping.png", MimeType = "image/png", Buffer = Clipping() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the clipping" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The clipping is kept");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('section img'); return i && i.complete && i.naturalWidth > 0; }");
        // Enter in the directory search finds people; it does not save the article.
        await page.GetByLabel("Find someone in the directory").FillAsync("nobody");
        await page.GetByLabel("Find someone in the directory").PressAsync("Enter");
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.GetByLabel("Find someone in the directory")).ToHaveValueAsync("nobody");
        await Assertions.Expect(page.Locator(".notice")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "press-article-desktop");

        foreach (var phone in new[] { false, true })
        {
            var list = phone ? await f.NewPageAsync(phone: true) : page;
            if (phone)
            {
                await SignInAsync(list, press);
            }
            await list.GotoAsync("/staff/press?q=" + Uri.EscapeDataString("纪念"));
            await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(list.Locator("tbody")).ToContainTextAsync("阿塞拜疆驻华使馆举行纪念活动");
            await Assertions.Expect(list.GetByRole(AriaRole.Img, new() { Name = "Articles per month" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(list);
            await Layout.AssertNoSidewaysScrollAsync(list);
            await ScreenshotAsync(list, $"press-list-{(phone ? "phone" : "desktop")}");
        }

        // Several links at once: the one already kept is not added twice, a bad one says why.
        await page.GotoAsync("/staff/press/links");
        await page.GetByLabel("Links, one per line").FillAsync($"{address}/article\nnot a link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read them and add them" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Already in the archive");
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "press-links");

        // The morning's press review, for the ambassador: the article with its clipping, to print.
        await page.GotoAsync("/staff/press/review?from=2024-02-01&to=2024-02-29");
        await Assertions.Expect(page.Locator(".review-article h2")).ToHaveTextAsync("阿塞拜疆驻华使馆举行纪念活动");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.review-clipping'); return i && i.complete && i.naturalWidth > 0; }");
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "press-review");
        Assert.Empty(console);
    }

    private static async Task<WebApplication> LocalSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        site.MapGet("/article", () => Results.Content(Article, "text/html; charset=utf-8"));
        await site.StartAsync();
        return site;
    }

    // A newspaper page's scan: a tall grey column of "text" lines.
    internal static byte[] Clipping()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(900, 1400);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = y % 24 < 14 && x > 60 && x < 840 && (x / 9 + y / 24) % 11 != 0 ? new(60, 60, 60) : new(245, 242, 232);
                }
            }
        });
        using var bytes = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, bytes);
        return bytes.ToArray();
    }
}
