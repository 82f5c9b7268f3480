using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

public abstract class AuditTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    [Fact]
    public async Task Creating_a_mission_is_recorded_with_who_and_what()
    {
        var api = await App.ApiClientAsync();
        var name = $"Embassy 大使馆 {Guid.NewGuid():N}";

        var created = await api.PostAsJsonAsync("/api/missions", new { name, country = "Finland", timeZone = "Asia/Shanghai" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var api2 = await App.ApiClientAsync(); // a new token sees the new membership
        var entries = await api2.GetFromJsonAsync<JsonElement[]>($"/api/audit?entityType=Mission&entityId={id}");
        var entry = Assert.Single(entries!);
        Assert.Equal("Created", entry.GetProperty("action").GetString());
        Assert.Equal(TestApp.AdminEmail, entry.GetProperty("userName").GetString());
        Assert.Contains(name, JsonDocument.Parse(entry.GetProperty("changes").GetString()!).RootElement.GetProperty("Name")[1].GetString());
    }

    [Fact]
    public async Task A_role_change_made_on_the_users_page_shows_in_the_audit_page_with_old_and_new_role()
    {
        var mission = await App.DefaultMissionAsync();
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Door);
        using var admin = await StaffSession.SignInAsync(App);

        var users = await admin.GetPageAsync("/staff/users");
        var row = users.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(email));
        var membershipId = row.QuerySelector("input[name=membershipId]")!.GetAttribute("value")!;
        var form = $"form:has(input[name=membershipId][value='{membershipId}'])";
        var saved = await admin.SubmitAsync("/staff/users", form, new() { ["role"] = "Protocol" }, submitter: "Role");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var audit = await admin.GetPageAsync($"/staff/audit?EntityType=Membership&EntityId={membershipId}");
        var changes = audit.QuerySelectorAll("td.changes div").Select(d => string.Join(" ", d.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(changes, c => c.Contains("Role: Door → Protocol"));
        Assert.Contains(TestApp.AdminEmail, audit.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task The_audit_page_names_records_and_the_records_a_change_links_to_instead_of_showing_ids()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Admin);
        var api = await App.ApiClientAsync(email);
        var person = await (await api.PostAsJsonAsync("/api/contacts", new { firstName = "Aino", lastName = "Virtanen", organization = new { name = "Embassy of Finland" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetString();
        (await api.PutAsJsonAsync($"/api/contacts/{id}", new { firstName = "Aino", lastName = "Virtanen", organization = new { name = "Embassy of Peru" } })).EnsureSuccessStatusCode();
        using var admin = await StaffSession.SignInAsync(App, email);

        var audit = await admin.GetPageAsync($"/staff/audit?EntityType=Contact&EntityId={id}");

        var rows = audit.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal($"/staff/contacts/{id}", r.QuerySelector("td:nth-child(4) a")?.GetAttribute("href")));
        Assert.Contains("Aino Virtanen", rows[0].TextContent);
        var changes = rows[0].QuerySelectorAll("td.changes div").Select(d => string.Join(" ", d.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("Organization: Embassy of Finland → Embassy of Peru", changes);
        var ids = System.Text.RegularExpressions.Regex.Matches(audit.QuerySelector("tbody")!.TextContent, "[0-9a-f]{8}-[0-9a-f]{4}-[^ ]*");
        Assert.True(ids.Count == 0, string.Join(", ", ids.Select(m => m.Value)));
    }

    [Fact]
    public async Task The_only_administrator_cannot_demote_themselves()
    {
        var mission = await App.CreateMissionAsync($"Lonely mission {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Admin);
        using var admin = await StaffSession.SignInAsync(App, email);

        var users = await admin.GetPageAsync("/staff/users");
        var membershipId = users.QuerySelector("input[name=membershipId]")!.GetAttribute("value")!;
        var response = await admin.SubmitAsync("/staff/users", $"form:has(input[value='{membershipId}'])", new() { ["role"] = "Door" }, submitter: "Role");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only administrator", (await StaffSession.ReadAsync(response)).QuerySelector("[role=alert]")?.TextContent);
    }
}

public sealed class AuditTestsOnSqlite(TestApp app) : AuditTests(app), IClassFixture<TestApp>;

public sealed class AuditTestsOnPostgres(PostgresTestApp app) : AuditTests(app), IClassFixture<PostgresTestApp>;
