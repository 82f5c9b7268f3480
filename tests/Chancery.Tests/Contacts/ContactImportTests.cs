using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Contacts;

/// <summary>API.md "POST /api/contacts/import": preview, all-or-nothing import, re-import without doubling, changed rows.</summary>
public abstract class ContactImportTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private sealed record ImportResult(int Created, int Updated, int Unchanged, ImportErrorDto[] Errors, string[] Warnings);
    private sealed record ImportErrorDto(int Row, string Column, string Message);

    /// <summary>A fresh mission with a Protocol officer, so tests sharing the fixture do not see each other's contacts.</summary>
    private async Task<(HttpClient Api, Guid MissionId)> OfficerAsync()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        return (await App.ApiClientAsync(email), mission.Id);
    }

    private static async Task<(HttpStatusCode Status, ImportResult? Result)> ImportAsync(HttpClient api, byte[] file, string name = "list.csv", bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", name);
        var response = await api.PostAsync($"/api/contacts/import?dryRun={dryRun.ToString().ToLowerInvariant()}", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonSerializer.Deserialize<ImportResult>(text, JsonSerializerOptions.Web) : null);
    }

    private Task<int> CountAsync(Guid missionId) => App.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId));

    [Fact]
    public async Task The_diplomatic_list_imports_then_reimports_without_doubling_anyone()
    {
        var (api, missionId) = await OfficerAsync();

        var (status, first) = await ImportAsync(api, SampleFiles.Fixture("diplomatic-list.csv"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((15, 0, 0), (first!.Created, first.Updated, first.Unchanged));

        var (_, again) = await ImportAsync(api, SampleFiles.Fixture("diplomatic-list-semicolon-bom.csv"), "list-semicolon.csv");
        Assert.Equal((0, 0, 15), (again!.Created, again.Updated, again.Unchanged));
        Assert.Equal(15, await CountAsync(missionId));

        var people = await api.GetFromJsonAsync<JsonElement[]>("/api/contacts");
        Assert.Equal(15, people!.Length);
        var georgian = people.Single(p => p.GetProperty("lastName").GetString() == "ბერიძე");
        Assert.Equal("ნინო", georgian.GetProperty("firstName").GetString());
        Assert.Equal("Embassy of Georgia", georgian.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("Ambassador", georgian.GetProperty("headOfMissionClass").GetString());
        Assert.Equal("2018-04-03T10:30", georgian.GetProperty("credentialsPresented").GetString());
    }

    [Fact]
    public async Task An_import_is_audited_as_one_event_naming_the_file_and_everyone_it_created()
    {
        var (api, missionId) = await OfficerAsync();

        await ImportAsync(api, SampleFiles.Fixture("diplomatic-list.csv"), "diplomatic-list.csv");

        var entries = await App.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.MissionId == missionId && a.Action == "Imported").ToListAsync());
        var entry = Assert.Single(entries);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("diplomatic-list.csv", changes.GetProperty("file").GetString());
        Assert.Equal(15, changes.GetProperty("created").GetArrayLength());
        Assert.StartsWith("protocol-", entry.UserName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_bad_rows_writes_nothing_and_names_every_bad_cell()
    {
        var (api, missionId) = await OfficerAsync();

        var (status, result) = await ImportAsync(api, SampleFiles.Fixture("diplomatic-list-bad.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal((0, 0, 0), (result!.Created, result.Updated, result.Unchanged));
        Assert.Equal([(3, "Email"), (6, "HeadOfMissionClass"), (8, "CredentialsPresented"), (11, "LastName")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("jose.quispe(at)peru", result.Errors[0].Message);
        Assert.Equal(0, await CountAsync(missionId));
        Assert.Equal(0, await App.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync(o => o.MissionId == missionId)));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing()
    {
        var (api, missionId) = await OfficerAsync();

        var (status, result) = await ImportAsync(api, SampleFiles.Fixture("diplomatic-list.csv"), dryRun: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(15, result!.Created);
        Assert.Equal(0, await CountAsync(missionId));
    }

    [Fact]
    public async Task A_changed_row_updates_only_what_changed_and_the_audit_says_so()
    {
        var (api, missionId) = await OfficerAsync();
        var original = Encoding.UTF8.GetString(SampleFiles.Fixture("diplomatic-list.csv"));
        await ImportAsync(api, Encoding.UTF8.GetBytes(original));

        var changed = original.Replace("Aino,Virtanen,Head of Mission", "Aino,Virtanen,Dean of the Diplomatic Corps", StringComparison.Ordinal);
        var (_, result) = await ImportAsync(api, Encoding.UTF8.GetBytes(changed));

        Assert.Equal((0, 1, 14), (result!.Created, result.Updated, result.Unchanged));
        var aino = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=virtanen"))!.Single();
        Assert.Equal("Dean of the Diplomatic Corps", aino.GetProperty("position").GetString());
        var updates = await App.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.MissionId == missionId && a.EntityType == "Contact" && a.Action == "Updated").Select(a => a.Changes).ToListAsync());
        var update = Assert.Single(updates);
        Assert.Equal(["Position", "SearchText"], JsonDocument.Parse(update).RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_same_person_twice_in_one_file_is_an_error_naming_both_rows()
    {
        var (api, _) = await OfficerAsync();
        var file = $"{SampleFiles.Header}\nEmbassy of Peru,Embassy,Peru,H.E.,José,Quispe,,,,,jose@peru.example.org,,es,,\nEmbassy of Peru,Embassy,Peru,,Jose,Quispe,,,,,JOSE@peru.example.org,,es,,";

        var (status, result) = await ImportAsync(api, Encoding.UTF8.GetBytes(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = Assert.Single(result!.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public async Task Loose_headers_are_matched_and_unknown_columns_reported_not_fatal()
    {
        var (api, _) = await OfficerAsync();
        var file = "last name;FIRST_NAME;e-mail;Favourite colour\n\"O'Brien\";Siobhán;siobhan@example.ie;green";

        var (status, result) = await ImportAsync(api, Encoding.UTF8.GetBytes(file));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, result!.Created);
        Assert.Contains(result.Warnings, w => w.Contains("Favourite colour", StringComparison.Ordinal));
        var person = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=SIOBHAN"))!.Single();
        Assert.Equal("O'Brien", person.GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_from_csv_and_xlsx()
    {
        var (api, _) = await OfficerAsync();
        await ImportAsync(api, SampleFiles.Fixture("diplomatic-list.csv"));

        var csv = await api.GetByteArrayAsync("/api/contacts/export.csv");
        var xlsx = await api.GetByteArrayAsync("/api/contacts/export.xlsx");

        Assert.Equal((0, 0, 15), await CountsAsync(await ImportAsync(api, csv, "export.csv")));
        Assert.Equal((0, 0, 15), await CountsAsync(await ImportAsync(api, xlsx, "export.xlsx")));
        static Task<(int, int, int)> CountsAsync((HttpStatusCode, ImportResult?) r) => Task.FromResult((r.Item2!.Created, r.Item2.Updated, r.Item2.Unchanged));
    }

    [Fact]
    public async Task A_control_character_stored_before_the_rule_never_breaks_an_export()
    {
        var (api, _) = await OfficerAsync();
        var id = (await (await api.PostAsJsonAsync("/api/contacts", new { lastName = "Okafor", position = "Counsellor" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Written past today's rule, as a row from before it would be.
        await App.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastName, "Oka\u0001for").SetProperty(c => c.Position, "Coun\u000Bsellor\uFFFE")));

        var xlsx = await api.GetAsync("/api/contacts/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => r["LastName"]?.ToString() == "Okafor" && r["Position"]?.ToString() == "Counsellor");
    }

    [Fact]
    public async Task Exported_cells_that_look_like_formulas_are_neutralised()
    {
        var (api, _) = await OfficerAsync();
        await api.PostAsJsonAsync("/api/contacts", new { lastName = "=HYPERLINK(\"http://evil.example\",\"x\")", firstName = "@SUM(1)", phone = "+86 10 8519 0001" });

        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync("/api/contacts/export.csv"));

        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'@SUM(1)", csv);
        Assert.Contains("'+86 10 8519 0001", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
    }

    [Fact]
    public async Task Files_that_are_not_what_they_claim_are_refused_with_a_reason()
    {
        var (api, _) = await OfficerAsync();

        using var form = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]), "file", "list.csv" } };
        var zipAsCsv = await api.PostAsync("/api/contacts/import", form);
        using var form2 = new MultipartFormDataContent { { new ByteArrayContent("a,b"u8.ToArray()), "file", "list.xlsx" } };
        var textAsXlsx = await api.PostAsync("/api/contacts/import", form2);
        using var form3 = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "list.exe" } };
        var exe = await api.PostAsync("/api/contacts/import", form3);

        foreach (var response in new[] { zipAsCsv, textAsXlsx, exe })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("XLSX", (await zipAsCsv.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ten_thousand_rows_import_in_one_go()
    {
        var (api, missionId) = await OfficerAsync();

        var (status, result) = await ImportAsync(api, SampleFiles.Generated(10_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10_000, result!.Created);
        Assert.Equal(10_000, await CountAsync(missionId));
        Assert.Equal(10, (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=민준&limit=10"))!.Length);
        Assert.Equal(10, (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?tag=list-3&limit=10"))!.Length);
    }
}

public sealed class ContactImportTestsOnSqlite(TestApp app) : ContactImportTests(app), IClassFixture<TestApp>;

public sealed class ContactImportTestsOnPostgres(PostgresTestApp app) : ContactImportTests(app), IClassFixture<PostgresTestApp>;
