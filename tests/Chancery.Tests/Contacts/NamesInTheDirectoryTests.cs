using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Contacts;

/// <summary>Names in six scripts through the directory: written in their order, found however they are searched, exported and imported back whole.</summary>
public abstract class NamesInTheDirectoryTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<HttpClient> DirectoryAsync()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await App.ApiClientAsync(await App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        return api;
    }

    private static async Task<JsonElement> OneAsync(HttpClient api, string q) =>
        (await api.GetFromJsonAsync<JsonElement[]>($"/api/contacts?q={Uri.EscapeDataString(q)}"))!.Single();

    [Theory]
    [InlineData("刘敏", "Prof. 刘敏")]
    [InlineData("김지은", "H.E. 김지은")]
    [InlineData("Liu Min", "Prof. 刘敏")]
    [InlineData("Kim Ji-eun", "H.E. 김지은")]
    [InlineData("Ji-eun Kim", "H.E. 김지은")]
    [InlineData("Khatib", "H.E. رنا الخطيب")]
    [InlineData("Kovács Viktória", "H.E. Kovács Viktória")]
    [InlineData("Yamada Taro", "H.E. 山田太郎")]
    public async Task A_name_is_written_in_its_order_and_found_however_it_is_searched(string q, string displayName)
    {
        var api = await DirectoryAsync();

        Assert.Equal(displayName, (await OneAsync(api, q)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_directory_files_everyone_by_family_name_in_Latin_letters()
    {
        var api = await DirectoryAsync();

        var order = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts"))!.Select(c => c.GetProperty("lastName").GetString()).ToList();

        // Beridze, Ivanova, al-Khatib, Kim, Kovács, Liu, Nwosu, al-Shawabaka, Wang, Yamada.
        Assert.Equal(["ბერიძე", "Иванова", "الخطيب", "김", "Kovács", "刘", "Nwosu", "الشوابكة", "王", "山田"], order);
    }

    [Fact]
    public async Task An_export_imports_back_into_another_mission_with_every_partner_Latin_name_and_name_order()
    {
        var api = await DirectoryAsync();
        var export = await api.GetByteArrayAsync("/api/contacts/export.csv");
        var other = await App.CreateMissionAsync($"Consulate {Guid.NewGuid():N}");
        var otherApi = await App.ApiClientAsync(await App.CreateUserAsync(other.Id, MissionRole.Protocol));

        using var form = new MultipartFormDataContent { { new ByteArrayContent(export), "file", "export.csv" } };
        var imported = await (await otherApi.PostAsync("/api/contacts/import", form)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(10, imported.GetProperty("created").GetInt32());
        string[] fields = ["honorific", "firstName", "lastName", "displayName", "latinName", "nameOrder", "headOfOrganization", "spouseHonorific", "spouseFirstName", "spouseLastName", "language", "email"];
        var before = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts"))!.Select(c => string.Join("|", fields.Select(f => c.GetProperty(f).ToString()))).ToList();
        var after = (await otherApi.GetFromJsonAsync<JsonElement[]>("/api/contacts"))!.Select(c => string.Join("|", fields.Select(f => c.GetProperty(f).ToString()))).ToList();
        Assert.Equal(before, after);
        var kim = await OneAsync(otherApi, "김지은");
        Assert.Equal(("Mr.", "민준", "박"), (kim.GetProperty("spouseHonorific").GetString(), kim.GetProperty("spouseFirstName").GetString(), kim.GetProperty("spouseLastName").GetString()));
        Assert.Equal("Yamada, Taro", (await OneAsync(otherApi, "山田")).GetProperty("latinName").GetString());
        Assert.Equal("FamilyFirst", (await OneAsync(otherApi, "Kovács")).GetProperty("nameOrder").GetString());

        // And back into the first mission: the same people, nothing to change.
        using var again = new MultipartFormDataContent { { new ByteArrayContent(export), "file", "export.csv" } };
        var unchanged = await (await api.PostAsync("/api/contacts/import", again)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0, 10), (unchanged.GetProperty("created").GetInt32(), unchanged.GetProperty("updated").GetInt32(), unchanged.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task The_name_order_is_set_through_the_API_kept_when_a_change_leaves_it_out_and_refused_when_unknown()
    {
        var api = await DirectoryAsync();
        var liu = await OneAsync(api, "刘敏");
        var id = liu.GetProperty("id").GetString();

        var given = await api.PutAsJsonAsync($"/api/contacts/{id}", new { firstName = "敏", lastName = "刘", honorific = "Prof.", nameOrder = "GivenFirst" });
        Assert.Equal("Prof. 敏刘", (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        var kept = await api.PutAsJsonAsync($"/api/contacts/{id}", new { firstName = "敏", lastName = "刘", honorific = "Prof.", position = "Dean" });
        Assert.Equal("GivenFirst", (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nameOrder").GetString());
        var automatic = await api.PutAsJsonAsync($"/api/contacts/{id}", new { firstName = "敏", lastName = "刘", honorific = "Prof.", nameOrder = "" });
        var back = await automatic.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, back.GetProperty("nameOrder").ValueKind);
        Assert.Equal("Prof. 刘敏", back.GetProperty("displayName").GetString());

        var refused = await api.PutAsJsonAsync($"/api/contacts/{id}", new { firstName = "敏", lastName = "刘", nameOrder = "Backwards" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("GivenFirst or FamilyFirst", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_name_order_in_a_file_is_refused_with_its_row_and_column()
    {
        var api = await DirectoryAsync();
        var csv = "LastName,FirstName,NameOrder\nNagy,Anna,Surname first\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "bad.csv" } };

        var refused = await (await api.PostAsync("/api/contacts/import", form)).Content.ReadFromJsonAsync<JsonElement>();

        var error = refused.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((2, "NameOrder"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("GivenFirst or FamilyFirst", error.GetProperty("message").GetString());
    }
}

public sealed class NamesInTheDirectoryTestsOnSqlite(TestApp app) : NamesInTheDirectoryTests(app), IClassFixture<TestApp>;

public sealed class NamesInTheDirectoryTestsOnPostgres(PostgresTestApp app) : NamesInTheDirectoryTests(app), IClassFixture<PostgresTestApp>;
