using Chancery.Data;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Every component's settings are checked options (README, "Configuration"): an operator's mistake stops the app at
/// start with a line naming the setting, rather than running bent into range or failing at the first request.
/// </summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("News:ScheduleCheckSeconds", "0", "News:ScheduleCheckSeconds must be between 1 and 3600.")]
    [InlineData("Press:FetchTimeoutSeconds", "600", "Press:FetchTimeoutSeconds must be between 1 and 60.")]
    [InlineData("Security:SignInAttemptsPerMinute", "0", "Security:SignInAttemptsPerMinute must be between 1 and 1,000,000.")]
    [InlineData("Import:MaxRows", "0", "Import:MaxRows must be between 1 and 1,000,000.")]
    [InlineData("Email:Smtp:Port", "70000", "Email:Smtp:Port must be between 1 and 65535.")]
    [InlineData("Email:SendTimeout", "00:00:00", "Email:SendTimeout must be between 1 second and 1 hour.")]
    [InlineData("Import:MaxCells", "0", "Import:MaxCells must be between 1 and 100,000,000.")]
    [InlineData("PublicBaseUrl", "events.embassy.example", "PublicBaseUrl must be an absolute http or https address")]
    public async Task A_setting_out_of_range_stops_the_app_at_start_naming_it(string key, string value, string said)
    {
        var app = new TestApp().Ready().With(key, value);
        try
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await app.InitializeAsync();
                _ = app.Services;
            });
            Assert.Contains(said, string.Join(" ", Chain(refused).Select(e => e.Message)), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Settings_in_range_start_the_app()
    {
        await using var app = await TestApp.StartAsync(DatabaseSetup.Sqlite, ("News:ScheduleCheckSeconds", "1"), ("Press:FetchTimeoutSeconds", "60"),
            ("PublicBaseUrl", "https://events.embassy.example/"), ("Security:RsvpRequestsPerMinute", "5"));
        Assert.NotNull(app.Services);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException many)
            {
                foreach (var inner in many.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
