using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

public abstract class AuthenticationTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    [Fact]
    public async Task Login_with_the_right_password_returns_a_bearer_token_that_opens_the_api()
    {
        var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TestApp.TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        Assert.True(token.ExpiresIn > 0);

        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(TestApp.AdminEmail, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_401_with_a_problem_that_says_why()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = "not the password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("wrong", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var mission = await App.DefaultMissionAsync();
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"guess {i}" });
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.AdminPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("locked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token()
    {
        var client = App.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword }))
            .Content.ReadFromJsonAsync<TestApp.TokenResponse>();

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login!.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        var garbage = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" });
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    // The server remembers a token it has read (RememberedBearerTokens); remembering must not stretch or loosen it.
    [Fact]
    public async Task An_access_token_the_server_has_just_read_still_stops_working_when_it_expires()
    {
        var client = App.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword }))
            .Content.ReadFromJsonAsync<TestApp.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        App.Clock.Advance(TimeSpan.FromSeconds(login.ExpiresIn + 1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_with_one_character_changed_is_refused_even_after_the_real_one_was_read()
    {
        var client = await App.ApiClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var middle = token.Length / 2;
        var forged = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/register")]
    [InlineData("/register")]
    [InlineData("/account/register")]
    public async Task There_is_no_registration_endpoint(string path)
    {
        var response = await App.CreateClient().PostAsJsonAsync(path, new { email = "intruder@example.org", password = "intruder password 1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "intruder@example.org"))));
    }

    [Fact]
    public async Task The_sign_in_page_signs_in_and_shows_the_mission()
    {
        using var session = await StaffSession.SignInAsync(App);

        var page = await session.GetPageAsync("/staff");

        Assert.Equal("Default mission", page.QuerySelector("h1")?.TextContent);
        Assert.Contains(TestApp.AdminEmail, page.QuerySelector(".who")?.TextContent);
    }

    [Fact]
    public async Task The_sign_in_page_refuses_a_wrong_password_with_a_message()
    {
        using var session = StaffSession.Anonymous(App);

        var response = await session.SubmitAsync("/account/login", "form", new() { ["Email"] = TestApp.AdminEmail, ["Password"] = "wrong password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffSession.ReadAsync(response);
        Assert.Contains("The e-mail or password is wrong", page.QuerySelector(".error-summary")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Staff_pages_send_an_anonymous_visitor_to_sign_in()
    {
        using var session = StaffSession.Anonymous(App);

        var response = await session.Client.GetAsync("/staff/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_disabled_member_loses_access_to_pages_and_api()
    {
        var mission = await App.DefaultMissionAsync();
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        var api = await App.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/missions")).StatusCode);

        await App.WithDbAsync(async db =>
        {
            var m = db.Memberships.IgnoreQueryFiltersSingle(x => x.User!.Email == email);
            m.DisabledAt = App.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/missions")).StatusCode);
        using var session = await StaffSession.SignInAsync(App, email);
        var response = await session.Client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
    }
}

public sealed class AuthenticationTestsOnSqlite(TestApp app) : AuthenticationTests(app), IClassFixture<TestApp>;

public sealed class AuthenticationTestsOnPostgres(PostgresTestApp app) : AuthenticationTests(app), IClassFixture<PostgresTestApp>;

public sealed class PasswordChangeTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_user_changes_their_password_and_the_old_one_stops_working()
    {
        var mission = await app.DefaultMissionAsync();
        var email = await app.CreateUserAsync(mission.Id, Chancery.Domain.Missions.MissionRole.Press);
        using var session = await StaffSession.SignInAsync(app, email);

        var wrong = await session.SubmitAsync("/account/password", "main form", new() { ["Current"] = "not it at all", ["Password"] = "my brand new passphrase", ["Confirm"] = "my brand new passphrase" });
        Assert.Contains("not your current password", (await StaffSession.ReadAsync(wrong)).QuerySelector("#current-error")?.TextContent);

        var changed = await session.SubmitAsync("/account/password", "main form", new() { ["Current"] = TestApp.AdminPassword, ["Password"] = "my brand new passphrase", ["Confirm"] = "my brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.AdminPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "my brand new passphrase" })).StatusCode);
    }
}
