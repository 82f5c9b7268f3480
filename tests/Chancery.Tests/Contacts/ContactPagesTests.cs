using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Contacts;

/// <summary>The directory pages as a protocol officer uses them: import with preview, search, edit, bulk, erase.</summary>
public sealed class ContactPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(StaffSession Session, Guid MissionId, string Email)> OfficerAsync(MissionRole role = MissionRole.Protocol)
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await app.CreateUserAsync(mission.Id, role);
        return (await StaffSession.SignInAsync(app, email), mission.Id, email);
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffSession session, byte[] file, string name)
    {
        var page = await session.GetPageAsync("/staff/contacts/import");
        var token = page.QuerySelector("#import-upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", name);
        return await session.Client.PostAsync("/staff/contacts/import?handler=Upload", form);
    }

    private Task<int> CountAsync(Guid missionId) => app.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == missionId));

    [Fact]
    public async Task The_import_page_previews_first_and_imports_only_on_confirmation()
    {
        var (session, missionId, _) = await OfficerAsync();

        var preview = await StaffSession.ReadAsync(await UploadAsync(session, SampleFiles.Fixture("diplomatic-list.csv"), "diplomatic-list.csv"));

        Assert.Contains("15 new people", preview.QuerySelector("ul.summary")!.TextContent.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(missionId));
        var pendingId = preview.QuerySelector("input[name=pendingId]")!.GetAttribute("value")!;
        var token = preview.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var confirmed = await session.Client.PostAsync("/staff/contacts/import?handler=Confirm",
            new FormUrlEncodedContent([new("pendingId", pendingId), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(15, await CountAsync(missionId));
        var directory = await session.GetPageAsync("/staff/contacts");
        Assert.Contains("15 people", directory.QuerySelector("main > p.muted[role=status]")!.TextContent);

        // The same file again changes nothing, and the page offers nothing to confirm.
        var again = await StaffSession.ReadAsync(await UploadAsync(session, SampleFiles.Fixture("diplomatic-list.csv"), "diplomatic-list.csv"));
        Assert.Null(again.QuerySelector("form[action*=Confirm], input[name=pendingId]"));
        Assert.Contains("Nothing to import", again.QuerySelector("main")!.TextContent);

        // A file that only corrects an organization's country is a change, and is offered.
        var csv = System.Text.Encoding.UTF8.GetString(SampleFiles.Fixture("diplomatic-list.csv")).Replace("Embassy of Finland,Embassy,Finland", "Embassy of Finland,Embassy,Suomi", StringComparison.Ordinal);
        var corrected = await StaffSession.ReadAsync(await UploadAsync(session, System.Text.Encoding.UTF8.GetBytes(csv), "diplomatic-list.csv"));
        Assert.NotNull(corrected.QuerySelector("input[name=pendingId]"));
        Assert.Contains("Embassy of Finland", corrected.QuerySelector("ul.summary")!.TextContent);
    }

    [Fact]
    public async Task The_import_page_lists_every_bad_row_and_offers_no_confirmation()
    {
        var (session, missionId, _) = await OfficerAsync();

        var page = await StaffSession.ReadAsync(await UploadAsync(session, SampleFiles.Fixture("diplomatic-list-bad.csv"), "bad.csv"));

        var rows = page.QuerySelectorAll(".errors-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["3", "6", "8", "11"], rows.Select(r => r[0]));
        Assert.Equal(["Email", "HeadOfMissionClass", "CredentialsPresented", "LastName"], rows.Select(r => r[1]));
        Assert.Null(page.QuerySelector("input[name=pendingId]"));
        Assert.Equal(0, await CountAsync(missionId));
    }

    [Fact]
    public async Task Search_finds_people_in_any_script_and_ignores_accents()
    {
        var (session, _, email) = await OfficerAsync();
        var api = await app.ApiClientAsync(email);
        await UploadViaApiAsync(api);

        static string[] Names(IHtmlDocument page) => [.. page.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim())];

        Assert.Contains(Names(await session.GetPageAsync("/staff/contacts?Q=ბერიძე")), n => n.Contains("ნინო ბერიძე", StringComparison.Ordinal));
        Assert.Contains(Names(await session.GetPageAsync("/staff/contacts?Q=الخطيب")), n => n.Contains("رنا", StringComparison.Ordinal));
        Assert.Contains(Names(await session.GetPageAsync("/staff/contacts?Q=jose")), n => n.Contains("José", StringComparison.Ordinal));
        Assert.Single(Names(await session.GetPageAsync("/staff/contacts?Q=virtanen")));
        Assert.Empty(Names(await session.GetPageAsync("/staff/contacts?Q=nobody-like-this")));
    }

    [Fact]
    public async Task The_edit_form_shows_errors_next_to_their_fields_and_saves_nothing()
    {
        var (session, missionId, _) = await OfficerAsync();

        var response = await session.SubmitAsync("/staff/contacts/edit", "main form", new()
        {
            ["Input.LastName"] = "",
            ["Input.Email"] = "not-an-address",
            ["Input.Language"] = "English please",
        });

        var page = await StaffSession.ReadAsync(response);
        Assert.Contains("family name is required", page.QuerySelector("#lastname-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not an e-mail address", page.QuerySelector("#email-error")!.TextContent);
        Assert.Contains("not a language tag", page.QuerySelector("#lang-error")!.TextContent);
        Assert.Equal(0, await CountAsync(missionId));
    }

    [Fact]
    public async Task Bulk_tagging_and_category_change_apply_to_the_chosen_people_only()
    {
        var (session, _, email) = await OfficerAsync();
        var api = await app.ApiClientAsync(email);
        await UploadViaApiAsync(api);
        var page = await session.GetPageAsync("/staff/contacts?Category=Diplomatic%20corps");
        var ids = page.QuerySelectorAll("input[name=selected]").Take(2).Select(i => i.GetAttribute("value")!).ToList();
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await session.Client.PostAsync("/staff/contacts?handler=Bulk",
            new FormUrlEncodedContent(ids.Select(id => new KeyValuePair<string, string>("selected", id))
                .Append(new("addTag", "national-day-2026")).Append(new("setCategory", "Press")).Append(new("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tagged = await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?tag=national-day-2026");
        Assert.Equal(ids.Order(), tagged!.Select(t => t.GetProperty("id").GetString()!).Order());
        Assert.All(tagged!, t => Assert.Equal("Press", t.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task Erasing_someone_on_the_list_of_an_event_still_ahead_is_a_warning_first()
    {
        var (session, _, email) = await OfficerAsync();
        var api = await app.ApiClientAsync(email);
        var id = (await (await api.PostAsJsonAsync("/api/contacts", new { firstName = "Olga", lastName = "Invited" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var start = app.Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var eventId = (await (await api.PostAsJsonAsync("/api/events", new { title = "Reception next month", startsAt = start, timeZone = "UTC", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var before = await session.GetPageAsync($"/staff/contacts/{id}");
        Assert.Null(before.QuerySelector("p.confirm"));

        (await api.PostAsJsonAsync($"/api/events/{eventId}/guests", new { contactIds = new[] { id } })).EnsureSuccessStatusCode();
        var page = await session.GetPageAsync($"/staff/contacts/{id}");

        var warning = page.QuerySelector("p.confirm")!.TextContent;
        Assert.Contains("Reception next month", warning);
        Assert.Contains("take them off those lists instead", warning);
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_data_from_the_directory_and_the_audit_log()
    {
        var (session, missionId, email) = await OfficerAsync();
        var api = await app.ApiClientAsync(email);
        var created = await (await api.PostAsJsonAsync("/api/contacts", new { firstName = "Olga", lastName = "Erasable", email = "olga.erasable@example.org", phone = "+7 495 000" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var data = await api.GetStringAsync($"/api/contacts/{id}/personal-data");
        Assert.Contains("olga.erasable@example.org", data);

        var erased = await session.SubmitAsync($"/staff/contacts/{id}", "form:has(input[name=confirm])", new() { ["confirm"] = "true" }, submitter: "Erase");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/contacts/{id}")).StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == id).ToListAsync());
        Assert.Contains(audit, a => a.Action == "Exported personal data");
        Assert.Contains(audit, a => a.Action == "Erased");
        Assert.DoesNotContain(audit, a => a.Changes.Contains("olga", StringComparison.OrdinalIgnoreCase) || a.Changes.Contains("Erasable", StringComparison.Ordinal));
        var row = await app.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == Guid.Parse(id!)));
        Assert.Null(row.Email);
        Assert.NotNull(row.ErasedAt);
        Assert.Equal(1, await CountAsync(missionId)); // the row stays, anonymous, for past events' counts
    }

    [Fact]
    public async Task Door_staff_read_none_of_the_directory_and_the_press_office_reads_it_without_changing_it()
    {
        var (session, missionId, email) = await OfficerAsync(MissionRole.Door);
        var protocol = await app.ApiClientAsync(await app.CreateUserAsync(missionId, MissionRole.Protocol));
        await UploadViaApiAsync(protocol);
        var door = await app.ApiClientAsync(email);
        var someone = (await protocol.GetFromJsonAsync<JsonElement[]>("/api/contacts"))![0].GetProperty("id").GetString();
        var organization = await app.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.MissionId == missionId).Select(o => o.Id).FirstAsync());

        // Door staff are often temporary: no one's e-mail or phone, through the API or the pages.
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync("/api/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/contacts/{someone}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PostAsJsonAsync("/api/contacts", new { lastName = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync("/api/contacts/export.csv")).StatusCode);
        foreach (var page in new[] { "/staff/contacts", $"/staff/contacts/{someone}", "/staff/organizations", $"/staff/organizations/{organization}", "/staff/contacts/import" })
        {
            var refused = await session.Client.GetAsync(page);
            Assert.True(refused.Headers.Location?.PathAndQuery.StartsWith("/account/access-denied", StringComparison.Ordinal) == true, $"{page} answered {refused.StatusCode}");
        }
        Assert.DoesNotContain("href=\"/staff/contacts\"", await session.Client.GetStringAsync("/staff/events"), StringComparison.Ordinal);

        var press = await app.ApiClientAsync(await app.CreateUserAsync(missionId, MissionRole.Press));
        Assert.Equal(15, (await press.GetFromJsonAsync<JsonElement[]>("/api/contacts"))!.Length);
        Assert.Equal(HttpStatusCode.Forbidden, (await press.PostAsJsonAsync("/api/contacts", new { lastName = "X" })).StatusCode);
    }

    [Fact]
    public async Task Another_missions_person_is_404_on_pages_and_api()
    {
        var (_, _, emailA) = await OfficerAsync();
        var (_, _, emailB) = await OfficerAsync();
        var apiB = await app.ApiClientAsync(emailB);
        var theirs = (await (await apiB.PostAsJsonAsync("/api/contacts", new { lastName = "Secret" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var apiA = await app.ApiClientAsync(emailA);
        using var sessionA = await StaffSession.SignInAsync(app, emailA);

        Assert.Equal(HttpStatusCode.NotFound, (await apiA.GetAsync($"/api/contacts/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.PutAsJsonAsync($"/api/contacts/{theirs}", new { lastName = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.DeleteAsync($"/api/contacts/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.PostAsync($"/api/contacts/{theirs}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sessionA.Client.GetAsync($"/staff/contacts/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sessionA.Client.GetAsync($"/staff/contacts/edit/{theirs}")).StatusCode);
        Assert.Empty((await apiA.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=secret"))!);
    }

    [Fact]
    public async Task Categories_are_renamed_and_added_and_never_doubled()
    {
        var (session, _, email) = await OfficerAsync();
        var api = await app.ApiClientAsync(email);
        await UploadViaApiAsync(api);
        var page = await session.GetPageAsync("/staff/contacts/categories");
        var citizens = page.QuerySelectorAll("ul.plain-list form").Single(f => f.QuerySelector("input[name=name]")?.GetAttribute("value") == "Citizens")
            .QuerySelector("input[name=id]")!.GetAttribute("value");

        var renamed = await session.SubmitAsync("/staff/contacts/categories", $"form:has(input[value='{citizens}'])", new() { ["name"] = "Community in Beijing" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var elvin = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=quliyev"))!.Single();
        Assert.Equal("Community in Beijing", elvin.GetProperty("category").GetString());

        var doubled = await session.SubmitAsync("/staff/contacts/categories", "main form.narrow", new() { ["name"] = "PRESS" });
        Assert.Contains("already a category", (await StaffSession.ReadAsync(doubled)).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task Renaming_an_organization_makes_its_people_findable_by_the_new_name()
    {
        var (session, _, email) = await OfficerAsync();
        var api = await app.ApiClientAsync(email);
        await UploadViaApiAsync(api);
        var aino = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=virtanen"))!.Single();
        var orgId = aino.GetProperty("organization").GetProperty("id").GetString();

        var saved = await session.SubmitAsync($"/staff/organizations/edit/{orgId}", "main form", new() { ["Input.Name"] = "Embassy of the Republic of Finland", ["Input.Website"] = "https://finland.example.org" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var found = await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=republic%20of%20finland");
        Assert.Equal(2, found!.Length); // the ambassador and the counsellor
        var bad = await session.SubmitAsync($"/staff/organizations/edit/{orgId}", "main form", new() { ["Input.Website"] = "finland dot org" });
        Assert.Contains("https://", (await StaffSession.ReadAsync(bad)).QuerySelector("#web-error")!.TextContent);
    }

    [Fact]
    public async Task An_export_holds_only_the_missions_where_the_user_may_export()
    {
        var (_, _, protocolInA) = await OfficerAsync();
        var (_, missionB, protocolInB) = await OfficerAsync();
        await (await app.ApiClientAsync(protocolInB)).PostAsJsonAsync("/api/contacts", new { lastName = "OnlyInB" });
        await (await app.ApiClientAsync(protocolInA)).PostAsJsonAsync("/api/contacts", new { lastName = "OnlyInA" });
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == protocolInA).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { MissionId = missionB, UserId = userId, Role = MissionRole.Door, CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var api = await app.ApiClientAsync(protocolInA);

        var csv = await api.GetStringAsync("/api/contacts/export.csv");

        Assert.Contains("OnlyInA", csv);
        Assert.DoesNotContain("OnlyInB", csv);
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonElement[]>("/api/contacts"))!, c => c.GetProperty("lastName").GetString() == "OnlyInB"); // Door reads none of it

    }

    private static async Task UploadViaApiAsync(HttpClient api)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("diplomatic-list.csv")), "file", "list.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
    }
}
