using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Contacts;

/// <summary>
/// The one-record read is a statement of its own (not EF Core's query): it must show a person exactly as the API
/// showed them when they were saved, every field, on both databases — and only to their own mission.
/// </summary>
public abstract class ContactReadTests(TestApp app)
{
    [Fact]
    public async Task A_person_reads_back_with_every_field_as_saved_and_not_from_another_mission()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await app.ApiClientAsync(await app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var body = new
        {
            honorific = "H.E.",
            firstName = "明",
            lastName = "王",
            latinName = "Wang Ming",
            nameOrder = "FamilyFirst",
            gender = "Male",
            organization = new { name = "Embassy of the People's Republic of China", type = "Embassy", country = "China" },
            position = "Ambassador Extraordinary and Plenipotentiary",
            diplomaticRank = "Ambassador",
            headOfMissionClass = "Ambassador",
            credentialsPresented = "2023-05-04T10:30",
            arrivalNotified = "2023-04-01T09:00",
            notifiedOrder = 3,
            manualRank = 7,
            headOfOrganization = true,
            email = "wang.ming@example.org",
            phone = "+86 10 6532 0000",
            language = "zh",
            category = "Diplomatic corps",
            tags = new[] { "national-day", "VIP" },
            spouseHonorific = "Mme",
            spouseFirstName = "丽",
            spouseLastName = "李",
        };
        var created = await api.PostAsJsonAsync("/api/contacts", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        // Every field the body set came back set: a field the read forgot would be null or empty below.
        Assert.All(saved.EnumerateObject(), p => Assert.False(p.Value.ValueKind is JsonValueKind.Null, $"{p.Name} was not saved"));

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/contacts/{saved.GetProperty("id").GetGuid()}");
        Assert.Equal(saved.ToString(), read.ToString());

        var other = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var stranger = await app.ApiClientAsync(await app.CreateUserAsync(other.Id, MissionRole.Protocol));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/contacts/{saved.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/contacts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_person_without_organization_category_or_tags_reads_back_empty_not_failing()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await app.ApiClientAsync(await app.CreateUserAsync(mission.Id, MissionRole.Press));
        var protocol = await app.ApiClientAsync(await app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var saved = await (await protocol.PostAsJsonAsync("/api/contacts", new { lastName = "Okafor" })).Content.ReadFromJsonAsync<JsonElement>();

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/contacts/{saved.GetProperty("id").GetGuid()}");

        Assert.Equal(saved.ToString(), read.ToString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("organization").ValueKind);
        Assert.Equal(0, read.GetProperty("tags").GetArrayLength());
    }
}

public sealed class ContactReadTestsOnSqlite(TestApp app) : ContactReadTests(app), IClassFixture<TestApp>;

public sealed class ContactReadTestsOnPostgres(PostgresTestApp app) : ContactReadTests(app), IClassFixture<PostgresTestApp>;
