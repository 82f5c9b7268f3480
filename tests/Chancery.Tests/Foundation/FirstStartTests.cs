using System.Net;
using System.Net.Http.Json;
using Chancery.Domain.Users;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

/// <summary>Console output is process-wide, so these run alone.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class FirstStartTests
{
    [Fact]
    public async Task Without_admin_settings_the_first_start_prints_a_random_password_once_and_it_works()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        await using var app = new TestApp().FromEmptyDatabase().With("Admin:Email", null).With("Admin:Password", null);
        try
        {
            await app.InitializeAsync();
            _ = app.Server; // starts the app: migrations and first start
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = console.ToString().Split('\n').Select(l => l.Trim()).ToList();
        var email = lines.Single(l => l.StartsWith("e-mail:", StringComparison.Ordinal))["e-mail:".Length..].Trim();
        var password = lines.Single(l => l.StartsWith("password:", StringComparison.Ordinal))["password:".Length..].Trim();
        Assert.True(password.Length >= 20);

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(password, StringComparison.Ordinal));
        // A first start says nothing that reads like a failure (SQLite's table rebuilds outside a transaction, say).
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("cannot be executed in a transaction", StringComparison.Ordinal));

        // Signing in on the pages with the printed password leads to changing it, once.
        using var session = StaffSession.Anonymous(app);
        var signedIn = await session.SubmitAsync("/account/login", "form", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal("/account/password", signedIn.Headers.Location!.ToString());
        Assert.Contains("choose your own", (await session.GetPageAsync("/account/password")).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        // Every staff page leads there until it is changed.
        Assert.Equal("/account/password", (await session.Client.GetAsync("/staff/events")).Headers.Location!.ToString());
        var changed = await session.SubmitAsync("/account/password", "main form", new() { ["Current"] = password, ["Password"] = "a long passphrase of my own", ["Confirm"] = "a long passphrase of my own" });
        Assert.Equal("/staff", changed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/staff/events")).StatusCode);
        using var again = StaffSession.Anonymous(app);
        Assert.Equal("/staff", (await again.SubmitAsync("/account/login", "form", new() { ["Email"] = email, ["Password"] = "a long passphrase of my own" })).Headers.Location!.ToString());
    }

    [Fact]
    public void Random_passwords_differ_and_are_long()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => FirstStart.RandomPassword()).ToHashSet();

        Assert.Equal(50, passwords.Count);
        Assert.All(passwords, p => Assert.Equal(23, p.Length));
    }
}

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;
