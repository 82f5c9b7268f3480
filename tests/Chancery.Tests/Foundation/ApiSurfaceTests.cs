using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

/// <summary>The API as a whole: described by OpenAPI, closed to strangers, errors as problem details.</summary>
public sealed class ApiSurfaceTests(TestApp app) : IClassFixture<TestApp>
{
    // Endpoints that are anonymous on purpose.
    private static readonly HashSet<string> Anonymous = ["POST /api/auth/login", "POST /api/auth/refresh"];

    [Fact]
    public async Task Every_api_operation_in_the_openapi_document_answers_401_to_an_anonymous_caller()
    {
        var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = (
            from path in document.GetProperty("paths").EnumerateObject()
            where path.Name.StartsWith("/api/", StringComparison.Ordinal)
            from op in path.Value.EnumerateObject()
            select (Method: op.Name.ToUpperInvariant(), Path: path.Name,
                Multipart: op.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("multipart/form-data", out _))).ToList();
        Assert.True(operations.Count >= 6, $"expected the API to be described, found {operations.Count} operations");

        foreach (var (method, path, multipart) in operations.Where(o => !Anonymous.Contains($"{o.Method} {o.Path}")))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.CreateVersion7().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH")
            {
                // The body the operation declares, so the request reaches it rather than missing the route.
                request.Content = multipart
                    ? new MultipartFormDataContent { { new ByteArrayContent("LastName\nX"u8.ToArray()), "file", "x.csv" } }
                    : JsonContent.Create(new { });
            }
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task A_cookie_signed_in_browser_cannot_call_the_api_with_its_cookie()
    {
        // The API takes bearer tokens only, so a page on another site cannot ride a staff member's cookie.
        using var session = await StaffSession.SignInAsync(app);

        var response = await session.Client.GetAsync("/api/missions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_errors_are_problem_details_with_a_human_detail()
    {
        var api = await app.ApiClientAsync();

        var unknown = await api.GetAsync($"/api/missions/{Guid.CreateVersion7()}");
        var badJson = await api.PostAsync("/api/missions", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        var noSuchEndpoint = await api.GetAsync("/api/nothing-here");
        var invalid = await api.PostAsJsonAsync("/api/missions", new { name = "X", timeZone = "Mars/Olympus" });

        foreach (var response in new[] { unknown, badJson, noSuchEndpoint, invalid })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("JSON", (await badJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Mars/Olympus", problem.GetProperty("errors").GetProperty("timeZone")[0].GetString());
    }

    [Fact]
    public async Task A_body_of_a_content_type_the_endpoint_does_not_take_is_415_and_an_unknown_path_404()
    {
        var api = await app.ApiClientAsync();

        var wrongType = await api.PostAsync("/api/events", new StringContent("title=Reception", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Contains("application/json", (await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/no-such-thing", new StringContent("x", System.Text.Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/no-such-thing")).StatusCode);
        // The right content type at a path whose id is not an id: nothing to take it, so 404.
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync("/api/contacts/not-an-id", new { lastName = "X" })).StatusCode);
    }

    [Fact]
    public async Task Lists_are_paged_with_limit_and_offset()
    {
        var api = await app.ApiClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.PostAsJsonAsync("/api/missions", new { name = $"Paged {i} {Guid.NewGuid():N}" });
        }
        api = await app.ApiClientAsync();

        var all = await api.GetFromJsonAsync<JsonElement[]>("/api/audit");
        var page = await api.GetFromJsonAsync<JsonElement[]>("/api/audit?limit=2&offset=1");

        Assert.True(all!.Length >= 4);
        Assert.Equal(2, page!.Length);
        Assert.Equal(all[1].GetProperty("id").GetString(), page[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_openapi_document_and_reference_page_are_served()
    {
        var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var reference = await client.GetAsync("/scalar/v1");

        Assert.Equal("Chancery API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}
