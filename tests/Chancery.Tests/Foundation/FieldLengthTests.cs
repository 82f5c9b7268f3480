using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Every text field has one length, kept alike by the form, the API, the import and the database: too long is a
/// 400 (or a form error, or an import error at its row and column) naming the field, never a 500 on PostgreSQL,
/// and never a megabyte stored on SQLite.
/// </summary>
public abstract class FieldLengthTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(HttpClient Api, Guid MissionId, string Email)> ProtocolOfficerAsync()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        return (await App.ApiClientAsync(email), mission.Id, email);
    }

    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field, string limit)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(limit, message);
    }

    [Fact]
    public async Task Over_long_contact_fields_are_refused_by_the_api_naming_the_field()
    {
        var (api, missionId, _) = await ProtocolOfficerAsync();

        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/contacts", new { lastName = new string('x', 701) }), "lastName", "320");
        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/contacts", new { lastName = "Ok", notes = new string('n', 4001) }), "notes", "4,000");
        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/contacts", new { lastName = "Ok", organization = new { name = new string('o', 301) } }), "organization.name", "300");
        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/contacts", new { lastName = "Ok", tags = new[] { new string('t', 101) } }), "tags", "100");
        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/contacts", new { lastName = new string('x', 1_000_000) }), "lastName", "320");

        Assert.Equal(0, await App.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId)));
        // At the limit is fine.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/contacts", new { lastName = new string('x', 320), notes = new string('n', 4000) })).StatusCode);
    }

    [Fact]
    public async Task Over_long_event_and_programme_fields_are_refused_by_the_api_naming_the_field()
    {
        var (api, _, _) = await ProtocolOfficerAsync();
        var ok = new { title = "Reception", kind = "Reception", startsAt = "2026-05-28T18:00", timeZone = "Asia/Shanghai", venue = "Residence" };

        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/events", ok with { title = new string('e', 301) }), "title", "300");
        await AssertFieldRefusedAsync(await api.PostAsJsonAsync("/api/events", ok with { venue = new string('v', 301) }), "venue", "300");
        var e = await (await api.PostAsJsonAsync("/api/events", ok)).Content.ReadFromJsonAsync<JsonElement>();
        await AssertFieldRefusedAsync(await api.PostAsJsonAsync($"/api/events/{e.GetProperty("id").GetString()}/programme", new { title = new string('p', 301) }), "title", "300");
    }

    [Fact]
    public async Task An_over_long_cell_in_an_import_is_named_by_row_and_column_and_nothing_is_written()
    {
        var (api, missionId, _) = await ProtocolOfficerAsync();
        var csv = $"LastName,Organization,Tags\nShort,Embassy of Chile,a\n{new string('x', 321)},Embassy of Chile,b\nOk,{new string('o', 301)},c\nFine,,{new string('t', 101)}\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "long.csv" } };

        var response = await api.PostAsync("/api/contacts/import", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(x => (x.GetProperty("row").GetInt32(), x.GetProperty("column").GetString(), x.GetProperty("message").GetString()!)).ToList();
        Assert.Single(errors, x => x.Item1 == 3); // the length, not also "is required"
        Assert.Contains(errors, x => x.Item1 == 3 && x.Item2 == "LastName" && x.Item3.Contains("320"));
        Assert.Contains(errors, x => x.Item1 == 4 && x.Item2 == "Organization" && x.Item3.Contains("300"));
        Assert.Contains(errors, x => x.Item1 == 5 && x.Item2 == "Tags" && x.Item3.Contains("100"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId)));
    }

    [Fact]
    public async Task The_contact_form_shows_the_limit_next_to_the_field()
    {
        var (_, _, email) = await ProtocolOfficerAsync();
        var session = await StaffSession.SignInAsync(App, email);

        var response = await session.SubmitAsync("/staff/contacts/edit", "main form", new() { ["Input.LastName"] = new string('x', 321), ["Input.Position"] = new string('p', 400) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffSession.ReadAsync(response);
        Assert.Contains("320", page.QuerySelector("[data-valmsg-for='Input.LastName']")?.TextContent);
        Assert.Contains("320", page.QuerySelector("[data-valmsg-for='Input.Position']")?.TextContent);
    }

    [Fact]
    public async Task The_database_guard_refuses_what_no_check_above_it_caught()
    {
        var (_, missionId, _) = await ProtocolOfficerAsync();

        // Written past every service, as a future feature that forgot its check would.
        var refused = await Assert.ThrowsAsync<Chancery.Domain.DomainException>(() => App.WithDbAsync(async db =>
        {
            db.Organizations.Add(new Chancery.Domain.Contacts.Organization { MissionId = missionId, Name = "Embassy", NormalizedName = "embassy", Website = new string('w', 501) });
            return await db.SaveChangesAsync();
        }));

        Assert.Equal("Website", refused.Field);
        Assert.Contains("500", refused.Errors["Website"][0]);
    }
}

public sealed class FieldLengthTestsOnSqlite(TestApp app) : FieldLengthTests(app), IClassFixture<TestApp>;

public sealed class FieldLengthTestsOnPostgres(PostgresTestApp app) : FieldLengthTests(app), IClassFixture<PostgresTestApp>;
