using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Contacts;

/// <summary>Files over the configured size or row count are refused whole, saying which limit and how to proceed.</summary>
public sealed class ImportLimitsTests : IAsyncLifetime
{
    private readonly TestApp _app = new TestApp().With("Import:MaxRows", "20").With("Import:MaxFileBytes", "4000");

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<HttpResponseMessage> ImportAsync(byte[] file)
    {
        var mission = await _app.DefaultMissionAsync();
        var api = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "list.csv" } };
        return await api.PostAsync("/api/contacts/import", form);
    }

    [Fact]
    public async Task Too_many_rows_are_refused_with_the_limit_named()
    {
        var response = await ImportAsync(System.Text.Encoding.UTF8.GetBytes("LastName\n" + string.Join("\n", Enumerable.Range(1, 21).Select(i => $"Person {i}"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 20 rows", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var response = await ImportAsync(SampleFiles.Generated(200));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
