using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Contacts;

/// <summary>The fields precedence reads from a person: arrival notified (Art. 13), notified order (Art. 17), a protocol rank.</summary>
public sealed class ContactPrecedenceFieldsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_fields_are_kept_and_checked_with_the_field_named()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await app.ApiClientAsync(await app.CreateUserAsync(mission.Id, MissionRole.Protocol));

        var created = await api.PostAsJsonAsync("/api/contacts", new { lastName = "Okafor", diplomaticRank = "Counsellor", arrivalNotified = "2024-03-01T09:00", notifiedOrder = 2, manualRank = 5 });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("2024-03-01T09:00", 2, 5), (body.GetProperty("arrivalNotified").GetString(), body.GetProperty("notifiedOrder").GetInt32(), body.GetProperty("manualRank").GetInt32()));

        var bad = await api.PostAsJsonAsync("/api/contacts", new { lastName = "Mensah", arrivalNotified = "last spring", notifiedOrder = 0 });
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("last spring", problem.GetProperty("errors").GetProperty("arrivalNotified")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("notifiedOrder", out _));
    }
}
