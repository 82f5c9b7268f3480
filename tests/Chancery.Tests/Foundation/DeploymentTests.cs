using System.Net;
using System.Net.Http.Json;
using Chancery.Data;
using Chancery.Domain.Users;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>What an operator relies on: probes, a proxy in front, and several servers on one database.</summary>
public sealed class DeploymentTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task The_probes_answer_healthy_without_signing_in(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_fails_and_liveness_holds_when_the_database_is_gone()
    {
        await using var broken = new TestApp().With("ConnectionStrings:Chancery", $"Data Source={Path.Combine(app.DataFolder, "x.db")}");
        await broken.InitializeAsync();
        var client = broken.CreateClient();
        await using (var scope = broken.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChanceryDb>().Database.EnsureDeletedAsync();
        }
        // A folder where the file was: SQLite cannot open it, as if the disk had gone.
        Directory.CreateDirectory(Path.Combine(app.DataFolder, "x.db"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_scheme_and_client_address_are_the_forwarded_ones()
    {
        // A real Kestrel port: the proxy and the clients are on loopback, which the app trusts as a proxy.
        await using var proxied = new TestApp().With("Security:SignInAttemptsPerMinute", "2");
        await proxied.InitializeAsync();
        proxied.UseKestrel(0);
        proxied.StartServer();
        var address = proxied.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        async Task<HttpStatusCode> ApiSignInAsync(string clientAddress, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = TestApp.AdminEmail, password }) };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            return (await http.SendAsync(request)).StatusCode;
        }

        // The rate limit counts the guessing client, not the proxy that every client arrives through.
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiSignInAsync("203.0.113.7", "wrong password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiSignInAsync("203.0.113.7", "wrong password"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ApiSignInAsync("203.0.113.7", TestApp.AdminPassword));
        Assert.Equal(HttpStatusCode.OK, await ApiSignInAsync("198.51.100.20", TestApp.AdminPassword));

        // The browser reached the proxy over HTTPS, so the sign-in cookie is marked Secure.
        var forwarded = new ForwardedAs("192.0.2.44", "https") { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        using var session = new StaffSession(new HttpClient(forwarded) { BaseAddress = new Uri(address) });
        var signedIn = await session.SubmitAsync("/account/login", "form", new() { ["Email"] = TestApp.AdminEmail, ["Password"] = TestApp.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chancery=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.TooManyRequests)]
    [InlineData("192.0.2.1", HttpStatusCode.Unauthorized)]
    public async Task Forwarded_addresses_count_only_from_a_proxy_the_app_was_told_to_trust(string? knownProxy, HttpStatusCode third)
    {
        await using var app = new TestApp().With("Security:SignInAttemptsPerMinute", "2").With("Proxy:KnownProxies:0", knownProxy);
        await app.InitializeAsync();
        var server = app.Server;

        // Three guesses from 192.0.2.1, each claiming to come from another client.
        async Task<HttpStatusCode> GuessAsync(string claimed)
        {
            var context = await server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("192.0.2.1");
                c.Request.Method = "POST";
                c.Request.Scheme = "http";
                c.Request.Host = new Microsoft.AspNetCore.Http.HostString("localhost");
                c.Request.Path = "/api/auth/login";
                c.Request.Headers["X-Forwarded-For"] = claimed;
                c.Request.ContentType = "application/json";
                var body = System.Text.Encoding.UTF8.GetBytes($$"""{"email":"{{TestApp.AdminEmail}}","password":"wrong password"}""");
                c.Request.Body = new MemoryStream(body);
                c.Request.ContentLength = body.Length;
                c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            });
            return (HttpStatusCode)context.Response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync("203.0.113.2"));
        // Untrusted, the header is ignored and all three are one client: the third is over the limit.
        // From the named proxy, they are three clients.
        Assert.Equal(third, await GuessAsync("203.0.113.3"));
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

/// <summary>Two app servers started at the same moment on one empty PostgreSQL database.</summary>
public sealed class ConcurrentFirstStartTests
{
    [Fact]
    public async Task Two_servers_starting_together_on_an_empty_database_both_come_up_and_seed_once()
    {
        await using var first = new PostgresTestApp();
        first.FromEmptyDatabase();
        await first.InitializeAsync();
        first.Ready();
        await using var second = new PostgresTestApp();
        second.With("ConnectionStrings:Chancery", first.PostgresConnectionString);

        // Building each host migrates and seeds; both at once is what two servers started by one deploy do.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
        var (missions, users) = await first.WithDbAsync(async db =>
            (await db.Missions.IgnoreQueryFilters().CountAsync(m => m.Name == FirstStart.DefaultMissionName), await db.Users.CountAsync()));
        Assert.Equal((1, 1), (missions, users));
    }
}
