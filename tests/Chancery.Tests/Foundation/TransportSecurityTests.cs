using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Behind a TLS-terminating proxy (the forwarded scheme is https): browsers are told to keep to HTTPS, every cookie
/// is Secure, and nothing personal — people, exports, tokens, staff pages — is kept in a cache on the way.
/// </summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private string _address = "";

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.UseKestrel(0);
        _app.StartServer();
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private HttpClient Client(string scheme) =>
        new(new ForwardedAs("192.0.2.44", scheme) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = new Uri(_address) };

    [Fact]
    public async Task Over_https_the_browser_is_told_to_keep_to_https_and_over_plain_http_it_is_not()
    {
        using var https = Client("https");
        using var http = Client("http");

        var secure = await https.GetAsync("/account/login");
        var plain = await http.GetAsync("/account/login");

        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_https_every_cookie_the_app_sets_is_secure()
    {
        using var https = Client("https");
        var session = new StaffSession(https);

        var page = await https.GetAsync("/account/login");
        var signedIn = await session.SubmitAsync("/account/login", "form", new() { ["Email"] = TestApp.AdminEmail, ["Password"] = TestApp.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.True(c.Contains("; secure", StringComparison.OrdinalIgnoreCase), c));
    }

    [Fact]
    public async Task Personal_data_exports_tokens_and_staff_pages_are_never_stored_by_a_cache()
    {
        using var http = Client("https");
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword });
        var token = (await login.Content.ReadFromJsonAsync<TestApp.TokenResponse>())!;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        var person = await (await http.PostAsJsonAsync("/api/contacts", new { lastName = "Mensah", email = "kwame@example.org" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetString();

        foreach (var response in new[]
        {
            login,
            await http.GetAsync($"/api/contacts/{id}"),
            await http.GetAsync("/api/contacts"),
            await http.GetAsync("/api/contacts/export.csv"),
            await http.GetAsync($"/api/contacts/{id}/personal-data"),
            await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken }),
            await Client("https").GetAsync("/account/login"),
        })
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage!.RequestUri}: Cache-Control {response.Headers.CacheControl}");
        }
        // Public, impersonal things may be cached.
        Assert.NotEqual(true, (await http.GetAsync("/css/site.css")).Headers.CacheControl?.NoStore);
    }
}
