using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

public sealed class OperationsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_icon_browsers_ask_for_on_their_own_is_there()
    {
        // Without it every page, prints included, logs a 404 in the browser's console at some moment of its choosing.
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);

        var icon = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/missions")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_hold_no_inline_script()
    {
        using var session = await StaffSession.SignInAsync(app);
        foreach (var url in new[] { "/staff", "/staff/users", "/staff/audit", "/staff/missions", "/staff/mail", "/staff/users/invite" })
        {
            var page = await session.GetPageAsync(url);
            Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onchange],[onsubmit]"));
        }
    }

    [Fact]
    public async Task Text_in_any_script_is_encoded_not_executed()
    {
        var api = await app.ApiClientAsync();
        var name = "<script>alert(1)</script> سفارة 大使馆";
        await api.PostAsJsonAsync("/api/missions", new { name });

        using var session = await StaffSession.SignInAsync(app);
        var html = await (await session.Client.GetAsync("/staff/missions")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("سفارة 大使馆", html);
    }

    [Fact]
    public async Task Passwords_never_reach_the_logs()
    {
        const string wrong = "wrong-password-that-must-not-be-logged";
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = wrong });
        await client.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword });
        await client.PostAsync("/api/auth/login", new StringContent($"{{\"email\":\"x\",\"password\":\"{wrong}", System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(wrong, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(TestApp.AdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sqlite_database_is_a_real_file_in_the_data_folder()
    {
        await app.CreateClient().GetAsync("/health");

        Assert.True(File.Exists(Path.Combine(app.DataFolder, "chancery.db")));
    }
}
