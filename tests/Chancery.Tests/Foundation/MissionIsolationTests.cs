using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Tests.Foundation;

/// <summary>One installation, many missions: nobody sees a record of a mission they are not a member of.</summary>
public abstract class MissionIsolationTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(Mission A, Mission B, string UserOfA)> TwoMissionsAsync()
    {
        var a = await App.CreateMissionAsync($"Embassy A {Guid.NewGuid():N}");
        var b = await App.CreateMissionAsync($"Embassy B {Guid.NewGuid():N}");
        var userOfA = await App.CreateUserAsync(a.Id, MissionRole.Admin);
        return (a, b, userOfA);
    }

    [Fact]
    public async Task Another_missions_record_is_404_through_the_api()
    {
        var (a, b, userOfA) = await TwoMissionsAsync();
        var api = await App.ApiClientAsync(userOfA);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/missions/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/missions/{b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/missions/{b.Id}/members")).StatusCode);

        var listed = await api.GetFromJsonAsync<JsonElement[]>("/api/missions");
        Assert.Equal([a.Id.ToString()], listed!.Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Another_missions_audit_entries_and_mail_stay_invisible()
    {
        var (_, b, userOfA) = await TwoMissionsAsync();
        var mailOfB = await QueueMailAsync(b.Id);
        var api = await App.ApiClientAsync(userOfA);

        var audit = await api.GetFromJsonAsync<JsonElement[]>("/api/audit");
        Assert.DoesNotContain(audit!, e => e.GetProperty("missionId").GetString() == b.Id.ToString());

        using var session = await StaffSession.SignInAsync(App, userOfA);
        await session.GetPageAsync($"/staff/mail/{mailOfB}", HttpStatusCode.NotFound);
        var mailList = await session.GetPageAsync("/staff/mail");
        Assert.DoesNotContain("Secret of B", mailList.Body!.TextContent);
    }

    [Fact]
    public async Task The_mission_switcher_cannot_be_pointed_at_a_mission_the_user_is_not_in()
    {
        var (a, b, userOfA) = await TwoMissionsAsync();
        using var session = await StaffSession.SignInAsync(App, userOfA);

        var forged = await session.SubmitAsync("/staff", "form.mission-switcher", new() { ["missionId"] = b.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // Even a hand-made cookie only expresses a preference: the page still shows the user's own mission.
        session.Client.DefaultRequestHeaders.Add("Cookie", $"chancery-mission={b.Id}");
        var page = await session.GetPageAsync("/staff");
        Assert.Equal(a.Name, page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_member_of_two_missions_switches_between_them()
    {
        var (a, b, userOfA) = await TwoMissionsAsync();
        var userId = await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == userOfA).Id));
        await App.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { MissionId = b.Id, UserId = userId, Role = MissionRole.Protocol, CreatedAt = App.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        using var session = await StaffSession.SignInAsync(App, userOfA);
        Assert.Equal(a.Name, (await session.GetPageAsync("/staff")).QuerySelector("h1")?.TextContent);

        var switched = await session.SubmitAsync("/staff", "form.mission-switcher", new() { ["missionId"] = b.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var page = await session.GetPageAsync("/staff");
        Assert.Equal(b.Name, page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Protocol", page.QuerySelector(".who")?.TextContent);
        // Protocol in B may not manage B's users, though they are Admin in A.
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/staff/users")).StatusCode);
    }

    [Theory]
    [InlineData(MissionRole.Protocol)]
    [InlineData(MissionRole.Press)]
    [InlineData(MissionRole.Door)]
    public async Task Roles_below_admin_are_403_on_admin_endpoints_and_pages(MissionRole role)
    {
        var mission = await App.CreateMissionAsync($"Consulate {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, role);
        var api = await App.ApiClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/missions/{mission.Id}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/missions", new { name = "Mine now" })).StatusCode);

        using var session = await StaffSession.SignInAsync(App, email);
        foreach (var page in new[] { "/staff/users", "/staff/audit", "/staff/mail", "/staff/users/invite" })
        {
            var response = await session.Client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
        }
    }

    private async Task<Guid> QueueMailAsync(Guid missionId)
    {
        using var scope = App.BackgroundScope(missionId);
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var message = new MimeMessage { Subject = "Secret of B" };
        message.To.Add(MailboxAddress.Parse("someone@example.org"));
        message.Body = new TextPart("plain") { Text = "only for B" };
        var row = await outbox.AddAsync(missionId, $"test:{Guid.NewGuid()}", message);
        await scope.ServiceProvider.GetRequiredService<Chancery.Data.ChanceryDb>().SaveChangesAsync();
        return row.Id;
    }
}

public sealed class MissionIsolationTestsOnSqlite(TestApp app) : MissionIsolationTests(app), IClassFixture<TestApp>;

public sealed class MissionIsolationTestsOnPostgres(PostgresTestApp app) : MissionIsolationTests(app), IClassFixture<PostgresTestApp>;
