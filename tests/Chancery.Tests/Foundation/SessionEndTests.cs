using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Sessions end when they should: a changed password, a changed role or a disabled account ends every session and
/// token of that person at once; a refresh token works once, and a second use of it (a copy in someone else's hands)
/// ends the whole chain it belongs to.
/// </summary>
public abstract class SessionEndTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(string Email, Guid MissionId)> MemberAsync(MissionRole role = MissionRole.Protocol)
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        return (await App.CreateUserAsync(mission.Id, role), mission.Id);
    }

    private async Task<(HttpClient Client, TestApp.TokenResponse Tokens)> LoginAsync(string email, string password = TestApp.AdminPassword)
    {
        var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = (await response.Content.ReadFromJsonAsync<TestApp.TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        return (client, tokens);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        App.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    [Fact]
    public async Task A_changed_password_ends_every_other_session_and_token_at_once_and_keeps_the_one_that_changed_it()
    {
        var (email, _) = await MemberAsync();
        var (api, tokens) = await LoginAsync(email);
        using var otherDevice = await StaffSession.SignInAsync(App, email);
        using var here = await StaffSession.SignInAsync(App, email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.Client.GetAsync("/staff")).StatusCode);

        var changed = await here.SubmitAsync("/account/password", "main form", new() { ["Current"] = TestApp.AdminPassword, ["Password"] = "a brand new passphrase", ["Confirm"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
        var signedOut = await otherDevice.Client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/login", signedOut.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/staff")).StatusCode);
        await LoginAsync(email, "a brand new passphrase");
    }

    [Fact]
    public async Task A_changed_role_ends_the_persons_tokens_at_once()
    {
        var (email, missionId) = await MemberAsync(MissionRole.Protocol);
        var (api, _) = await LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);

        await ChangeMembershipAsync(missionId, email, (administration, membership) => administration.SetRoleAsync(membership, MissionRole.Door, Guid.Empty));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        var (again, _) = await LoginAsync(email);
        var me = await again.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Contains("Door", me.GetRawText());
    }

    [Fact]
    public async Task Disabling_someone_ends_their_tokens_at_once()
    {
        var (email, missionId) = await MemberAsync();
        var (api, tokens) = await LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);

        await ChangeMembershipAsync(missionId, email, (administration, membership) => administration.SetDisabledAsync(membership, true, Guid.Empty));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_second_use_ends_its_whole_chain()
    {
        var (email, _) = await MemberAsync();
        var (_, first) = await LoginAsync(email);
        var (elsewhere, _) = await LoginAsync(email); // another device: its own chain

        var second = await RefreshAsync(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rotated = (await second.Content.ReadFromJsonAsync<TestApp.TokenResponse>())!;
        Assert.NotEqual(first.RefreshToken, rotated.RefreshToken);

        // The first token again: a copy someone kept. Refused, and the chain it started ends with it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(first.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(rotated.RefreshToken)).StatusCode);
        var chainAccess = App.CreateClient();
        chainAccess.DefaultRequestHeaders.Authorization = new("Bearer", rotated.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await chainAccess.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_and_one_that_does_not_exist_get_the_same_answer()
    {
        var (email, _) = await MemberAsync();
        var client = App.CreateClient();
        async Task<(HttpStatusCode, string?)> AttemptAsync(string who, string password)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email = who, password });
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(email, $"guess {i}");
            await AttemptAsync("nobody@example.org", $"guess {i}");
        }

        var locked = await AttemptAsync(email, TestApp.AdminPassword);
        var nobody = await AttemptAsync("nobody@example.org", TestApp.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.Item1);
        Assert.Equal(locked, nobody);
        using var page = StaffSession.Anonymous(App);
        var lockedPage = await StaffSession.ReadAsync(await page.SubmitAsync("/account/login", "form", new() { ["Email"] = email, ["Password"] = TestApp.AdminPassword }));
        var nobodyPage = await StaffSession.ReadAsync(await page.SubmitAsync("/account/login", "form", new() { ["Email"] = "nobody@example.org", ["Password"] = TestApp.AdminPassword }));
        Assert.Equal(lockedPage.QuerySelector(".error-summary")?.TextContent, nobodyPage.QuerySelector(".error-summary")?.TextContent);
    }

    private async Task ChangeMembershipAsync(Guid missionId, string email, Func<MissionAdministration, Guid, Task> change)
    {
        using var scope = App.BackgroundScope(missionId);
        var db = scope.ServiceProvider.GetRequiredService<Chancery.Data.ChanceryDb>();
        var membership = db.Memberships.IgnoreQueryFiltersSingle(m => m.User!.Email == email && m.MissionId == missionId);
        await change(scope.ServiceProvider.GetRequiredService<MissionAdministration>(), membership.Id);
    }
}

public sealed class SessionEndTestsOnSqlite(TestApp app) : SessionEndTests(app), IClassFixture<TestApp>;

public sealed class SessionEndTestsOnPostgres(PostgresTestApp app) : SessionEndTests(app), IClassFixture<PostgresTestApp>;
