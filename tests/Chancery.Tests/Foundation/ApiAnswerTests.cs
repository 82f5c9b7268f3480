using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>The API answers as an API (problems, never redirects to pages), and refusals say what and where.</summary>
public abstract class ApiAnswerTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(HttpClient Api, Guid MissionId)> ProtocolOfficerAsync()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        return (await App.ApiClientAsync(await App.CreateUserAsync(mission.Id, MissionRole.Protocol)), mission.Id);
    }

    [Fact]
    public async Task A_refusal_inside_an_api_handler_is_a_403_problem_not_a_redirect_to_a_page()
    {
        var (api, _) = await ProtocolOfficerAsync();
        var other = await App.CreateMissionAsync($"Consulate {Guid.NewGuid():N}");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("LastName\nMensah\n"u8.ToArray()), "file", "list.csv" } };

        var response = await api.PostAsync($"/api/contacts/import?missionId={other.Id}", form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_access_denied_page_the_cookie_sends_people_to_exists()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        using var door = await StaffSession.SignInAsync(App, await App.CreateUserAsync(mission.Id, MissionRole.Door));

        var refused = await door.Client.GetAsync("/staff/contacts/import");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await door.Client.GetAsync(refused.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("Your role in", text); // the role is the reason, not membership
        Assert.Contains("<strong>Door</strong>", text);
        Assert.Contains(mission.Name, text);
    }

    [Fact]
    public async Task A_hundred_thousand_ids_in_one_request_are_a_400_that_says_the_limit()
    {
        var (api, _) = await ProtocolOfficerAsync();
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "Reception", kind = "Reception", startsAt = "2026-05-28T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var response = await api.PostAsJsonAsync($"/api/events/{e.GetProperty("id").GetString()}/guests", new { contactIds = Enumerable.Range(0, 100_000).Select(_ => Guid.NewGuid()) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("10,000", problem.GetProperty("errors").GetProperty("contactIds")[0].GetString());
    }

    [Theory]
    [InlineData("""{"contactIds":[]}""")]
    [InlineData("""{"contactIds":null}""")]
    [InlineData("""{"filter":null}""")]
    [InlineData("{}")]
    public async Task An_empty_or_missing_selection_adds_nobody_and_says_how_to_add_everyone(string body)
    {
        var (api, _) = await ProtocolOfficerAsync();
        (await api.PostAsJsonAsync("/api/contacts", new { lastName = "Mensah" })).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "Reception", kind = "Reception", startsAt = "2026-05-28T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = e.GetProperty("id").GetString();

        var response = await api.PostAsync($"/api/events/{id}/guests", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"filter\":{}", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests"))!);
    }

    [Fact]
    public async Task A_nul_character_is_refused_naming_the_field_and_a_search_for_one_finds_nothing()
    {
        var (api, _) = await ProtocolOfficerAsync();

        var refused = await api.PostAsJsonAsync("/api/contacts", new { lastName = "a\u0000b" });
        var search = await api.GetAsync("/api/contacts?q=a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("U+0000", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lastName")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task A_name_is_as_long_as_its_characters_not_its_utf16_units()
    {
        var (api, _) = await ProtocolOfficerAsync();

        var emoji = await api.PostAsJsonAsync("/api/contacts", new { lastName = string.Concat(Enumerable.Repeat("😀", 161)) });

        Assert.Equal(HttpStatusCode.Created, emoji.StatusCode);
    }

    [Fact]
    public async Task A_csv_that_is_not_utf8_is_refused_naming_the_row_and_column()
    {
        var (api, missionId) = await ProtocolOfficerAsync();
        // "Müller" as Windows-1252 writes it: ü is the single byte 0xFC, never valid UTF-8.
        var csv = Encoding.UTF8.GetBytes("FirstName,LastName,Email\nAnna,Schmidt,anna@example.org\nKarl,M").Concat(new byte[] { 0xFC }).Concat(Encoding.UTF8.GetBytes("ller,karl@example.org\n")).ToArray();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "list.csv" } };

        var response = await api.PostAsync("/api/contacts/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("row 3", detail);
        Assert.Contains("LastName", detail);
        Assert.Contains("UTF-8", detail);
        Assert.Equal(0, await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Contacts), c => c.MissionId == missionId)));
    }
}

public sealed class ApiAnswerTestsOnSqlite(TestApp app) : ApiAnswerTests(app), IClassFixture<TestApp>;

public sealed class ApiAnswerTestsOnPostgres(PostgresTestApp app) : ApiAnswerTests(app), IClassFixture<PostgresTestApp>;

/// <summary>On a real Kestrel server, with its own limits: what a browser or a client that is too quick gets.</summary>
public sealed class ServerLimitTests : IAsyncLifetime
{
    private readonly TestApp _app = new TestApp()
        .With("Import:MaxFileBytes", "4000")
        .With("Kestrel:Limits:MaxRequestBodySize", "100000")
        .With("Security:SignInAttemptsPerMinute", "2");

    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.UseKestrel(0);
        _app.StartServer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_over_the_servers_own_limit_gets_the_import_pages_friendly_message_not_an_error_document()
    {
        var session = new StaffSession(_http);
        await session.SubmitAsync("/account/login", "form", new() { ["Email"] = TestApp.AdminEmail, ["Password"] = TestApp.AdminPassword });
        var page = await session.GetPageAsync("/staff/contacts/import");
        var token = page.QuerySelector("#import-upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(SampleFiles.Generated(1500)), "file", "list.csv" }, // about 200 KB: over the server's limit too
        };

        // Sent as a careful client does, waiting for "100 Continue" before the body: refused before it, nothing travels.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/contacts/import?handler=Upload") { Content = form };
        request.Headers.ExpectContinue = true;
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Split it into smaller files", text);
        Assert.Contains("/staff/contacts/import", text);
    }

    [Fact]
    public async Task Too_many_sign_ins_answer_429_with_when_to_try_again()
    {
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await _http.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "wrong" });
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++attempts < 5);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
