using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Events;

/// <summary>
/// A protocol officer reads words, not code names: no page shows an enum's identifier ("InternationalOrganization",
/// "ChargeDAffairesAdInterim", "NationalDay", "NotSent") where a person reads it — in text or in a list's options.
/// </summary>
public sealed partial class WordsOnPagesTests(TestApp app) : IClassFixture<TestApp>
{
    // Every enum of the app whose members a person might be shown: the names written as one word of several capitals.
    private static readonly string[] CodeNames = [.. typeof(Chancery.Data.ChanceryDb).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.Namespace?.StartsWith("Chancery", StringComparison.Ordinal) == true && t.IsPublic)
        .SelectMany(Enum.GetNames).Where(n => CamelCase().IsMatch(n)).Distinct()];

    [Fact]
    public async Task No_page_shows_an_enum_identifier_where_a_person_reads_it()
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await app.CreateUserAsync(mission.Id, MissionRole.Admin);
        var api = await app.ApiClientAsync(email);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("diplomatic-list.csv")), "file", "list.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var eventId = (await (await api.PostAsJsonAsync("/api/events", new { title = "National Day 2026", kind = "NationalDay", startsAt = "2026-06-04T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/events/{eventId}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var people = await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100");
        var interim = people!.Single(p => p.GetProperty("lastName").GetString() == "Kovačič");
        var who = people!.Single(p => p.GetProperty("lastName").GetString() == "Nwosu");
        using var session = await StaffSession.SignInAsync(app, email);

        var pages = new List<string>
        {
            "/staff", "/staff/contacts", "/staff/organizations", "/staff/events", $"/staff/events/{eventId}", $"/staff/events/{eventId}/guests",
            $"/staff/events/edit/{eventId}", $"/staff/events/{eventId}/order", "/staff/users", "/staff/missions", "/staff/contacts/edit",
        };
        foreach (var person in new[] { interim, who })
        {
            var id = person.GetProperty("id").GetString();
            pages.AddRange([$"/staff/contacts/{id}", $"/staff/contacts/edit/{id}",
                $"/staff/organizations/{person.GetProperty("organization").GetProperty("id").GetString()}",
                $"/staff/organizations/edit/{person.GetProperty("organization").GetProperty("id").GetString()}"]);
        }

        var found = new List<string>();
        foreach (var path in pages)
        {
            var page = await session.GetPageAsync(path);
            var text = page.Body!.TextContent;
            found.AddRange(CodeNames.Where(name => Regex.IsMatch(text, $@"\b{name}\b")).Select(name => $"{path}: {name}"));
        }

        Assert.Empty(found);
    }

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex CamelCase();
}
