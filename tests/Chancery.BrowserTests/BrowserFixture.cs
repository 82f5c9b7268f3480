using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

/// <summary>
/// The real app on a real Kestrel port, and Debian's Chromium driven by Playwright. Without Chromium the
/// tests skip, saying why, unless CHANCERY_REQUIRE_BROWSER=1 (CI), where that is a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public TestApp App { get; } = new TestApp().With("PublicBaseUrl", "https://events.embassy.example") // the address invitations link to
        .With("Press:AllowPrivateAddresses", "true"); // the press archive reads a page this machine serves
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static bool Required => Environment.GetEnvironmentVariable("CHANCERY_REQUIRE_BROWSER") == "1";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        await App.InitializeAsync();
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Flags,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    private static readonly string[] Flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];

    /// <summary>
    /// A second browser whose camera films <paramref name="y4mVideo"/> (Chromium's fake capture device, looping the
    /// file), with the permission already given. The caller disposes it.
    /// </summary>
    public async Task<IBrowser> LaunchWithCameraAsync(string y4mVideo) => await _playwright!.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = [.. Flags, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={y4mVideo}"],
    });

    /// <summary>Skips (or, under CI, fails) the running test when there is no browser here.</summary>
    public BrowserFixture Ready()
    {
        if (Browser is null)
        {
            var reason = $"Browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium); .ci/run installs it.";
            Assert.False(Required, "CHANCERY_REQUIRE_BROWSER=1 but " + reason);
            Assert.Skip(reason);
        }
        return this;
    }

    /// <summary>A fresh browser context (its own cookies) sized like a desktop or a phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
            Locale = "en-GB",
        });
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        return await context.NewPageAsync();
    }

    // Each page's context (its cookies, its renderer) is closed when the class's tests are done, not left to the browser.
    private readonly List<IBrowserContext> _contexts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
