using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Contacts;

/// <summary>
/// A busy office: several people (or one impatient person clicking twice) write the same records at once. Nobody
/// is doubled, and every caller gets an answer — the result, or a 409 that says what to do — never a 500.
/// </summary>
public abstract class ConcurrentWritesTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(HttpClient Api, Guid MissionId)> ProtocolOfficerAsync()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        return (await App.ApiClientAsync(await App.CreateUserAsync(mission.Id, MissionRole.Protocol)), mission.Id);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient api)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("diplomatic-list.csv")), "file", "list.csv" } };
        return api.PostAsync("/api/contacts/import", form);
    }

    private async Task AssertAnsweredAsync(IEnumerable<HttpResponseMessage> responses, params HttpStatusCode[] allowed)
    {
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(allowed.Contains(response.StatusCode), $"{(int)response.StatusCode}: {body}\n{string.Join("\n", App.Logs.Lines.Where(l => l.Contains("unhandled", StringComparison.OrdinalIgnoreCase)).Take(2))}");
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Contains("try", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Twenty_imports_of_one_file_at_once_leave_each_person_and_organization_once()
    {
        var (api, missionId) = await ProtocolOfficerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ImportAsync(api)));

        await AssertAnsweredAsync(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        // The losers of each race read the directory again and match the rows to the winner's: nearly all succeed
        // (unique indexes alone would refuse all but one).
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) >= 15, $"{responses.Count(r => r.StatusCode == HttpStatusCode.OK)} of 20 imports succeeded");
        var (people, organizations) = await App.WithDbAsync(async db => (
            await db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId),
            await db.Organizations.IgnoreQueryFilters().CountAsync(o => o.MissionId == missionId)));
        Assert.Equal(15, people);
        Assert.Equal(14, organizations);
    }

    [Fact]
    public async Task Twenty_adds_of_the_same_guests_at_once_all_succeed_and_add_each_guest_once()
    {
        var (api, _) = await ProtocolOfficerAsync();
        (await ImportAsync(api)).EnsureSuccessStatusCode();
        var ids = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100"))!.Select(c => c.GetProperty("id").GetGuid()).ToList();
        var eventId = await NewEventAsync(api);

        var byIds = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.PostAsJsonAsync($"/api/events/{eventId}/guests", new { contactIds = ids })));
        var everyone = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.PostAsJsonAsync($"/api/events/{eventId}/guests", new { filter = new { } })));

        await AssertAnsweredAsync([.. byIds, .. everyone], HttpStatusCode.OK);
        var added = 0;
        foreach (var response in byIds.Concat(everyone))
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            added += body.GetProperty("added").GetInt32();
            Assert.Equal(15, body.GetProperty("added").GetInt32() + body.GetProperty("alreadyOnList").GetInt32());
        }
        Assert.Equal(15, added);
        Assert.Equal(15, (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{eventId}/guests"))!.Length);
    }

    [Fact]
    public async Task Forty_people_saved_at_once_into_the_same_new_category_and_organization_all_succeed_and_share_them()
    {
        var (api, missionId) = await ProtocolOfficerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => api.PostAsJsonAsync("/api/contacts",
            new { lastName = $"Scholar {i}", category = "Visiting scholars", organization = new { name = "Institute of Sinology" } })));

        await AssertAnsweredAsync(responses, HttpStatusCode.Created);
        var (categories, organizations) = await App.WithDbAsync(async db => (
            await db.Categories.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId && c.Name == "Visiting scholars"),
            await db.Organizations.IgnoreQueryFilters().CountAsync(o => o.MissionId == missionId)));
        Assert.Equal(1, categories);
        Assert.Equal(1, organizations);
    }

    [Fact]
    public async Task One_address_saved_for_two_new_people_at_once_is_kept_by_one_and_the_other_is_told()
    {
        var (api, missionId) = await ProtocolOfficerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => api.PostAsJsonAsync("/api/contacts",
            new { lastName = $"Namesake {i}", email = "Press.Office@Example.org" })));

        await AssertAnsweredAsync(responses, HttpStatusCode.Created, HttpStatusCode.BadRequest);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.BadRequest))
        {
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("already belongs to", problem.GetProperty("errors").GetProperty("email")[0].GetString());
        }
        Assert.Equal(1, await App.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId)));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_person_with_the_same_address_or_an_organization_twice()
    {
        var (api, missionId) = await ProtocolOfficerAsync();
        (await api.PostAsJsonAsync("/api/contacts", new { lastName = "First", email = "same@example.org", organization = new { name = "Embassy of Chile" } })).EnsureSuccessStatusCode();

        // Written past every check in the code, as a second server racing the first would.
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Chancery.Domain.Contacts.Contact { MissionId = missionId, LastName = "Second", Email = "SAME@example.org", NormalizedEmail = "same@example.org" });
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.Organizations.Add(new Chancery.Domain.Contacts.Organization { MissionId = missionId, Name = "EMBASSY OF CHILE", NormalizedName = "embassy of chile" });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Without_an_address_a_name_at_an_organization_is_one_person_and_a_second_is_refused_at_the_last_name()
    {
        var (api, _) = await ProtocolOfficerAsync();
        var person = new { firstName = "Wei", lastName = "Li", organization = new { name = "Ministry of Culture" } };
        (await api.PostAsJsonAsync("/api/contacts", person)).EnsureSuccessStatusCode();

        var again = await api.PostAsJsonAsync("/api/contacts", new { firstName = "WEI", lastName = " li ", organization = new { name = "ministry of culture" } });
        var elsewhere = await api.PostAsJsonAsync("/api/contacts", new { firstName = "Wei", lastName = "Li", organization = new { name = "Peking University" } });
        var withAddress = await api.PostAsJsonAsync("/api/contacts", new { person.firstName, person.lastName, person.organization, email = "li.wei@culture.example.org" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var message = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lastName")[0].GetString();
        Assert.Contains("already in the directory", message);
        Assert.Contains("e-mail", message);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withAddress.StatusCode);
    }

    private static async Task<string> NewEventAsync(HttpClient api)
    {
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "Reception", kind = "Reception", startsAt = "2026-05-28T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return e.GetProperty("id").GetString()!;
    }
}

public sealed class ConcurrentWritesTestsOnSqlite(TestApp app) : ConcurrentWritesTests(app), IClassFixture<TestApp>;

public sealed class ConcurrentWritesTestsOnPostgres(PostgresTestApp app) : ConcurrentWritesTests(app), IClassFixture<PostgresTestApp>;
