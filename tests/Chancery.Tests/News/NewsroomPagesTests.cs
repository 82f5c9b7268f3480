using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.News;

/// <summary>The newsroom's and the press archive's (and its exhibitions' and review's) staff pages and templates, by role and by mission.</summary>
public sealed class NewsroomPagesTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(DatabaseSetup.Sqlite, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_press_office_has_its_pages_the_door_none_of_them_and_another_mission_none_of_its_records()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var pressEmail = await _app.CreateUserAsync(mission.Id, MissionRole.Press);
        var api = await _app.ApiClientAsync(pressEmail);
        var item = (await (await api.PostAsJsonAsync("/api/news", new { title = "Reception", body = "Text.", language = "en" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var article = (await (await api.PostAsJsonAsync("/api/press", new { outlet = "Le Quotidien", title = "L'Ambassade" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var exhibition = (await (await api.PostAsJsonAsync("/api/press/exhibitions", new { language = "en", titles = new { en = "In the press" } })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        string[] pages = ["/staff/news", $"/staff/news/edit/{item}", "/staff/news/templates?language=fr", "/staff/press", $"/staff/press/edit/{article}", "/staff/press/review",
            "/staff/press/links", "/staff/press/exhibitions", $"/staff/press/exhibitions/{exhibition}", $"/staff/press/exhibitions/{exhibition}/slideshow", $"/staff/press/exhibitions/{exhibition}/posters?paper=a3"];

        using var press = await StaffSession.SignInAsync(_app, pressEmail);
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await press.Client.GetAsync(page)).StatusCode);
        }

        using var door = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(mission.Id, MissionRole.Door));
        foreach (var page in pages)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await door.Client.GetAsync(page)).StatusCode);
        }
        var doorApi = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await doorApi.GetAsync("/api/news/templates/en")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doorApi.PutAsJsonAsync("/api/news/templates/en", new { text = "# x" })).StatusCode);

        var other = await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}");
        using var stranger = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(other.Id, MissionRole.Press));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/news/edit/{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/press/edit/{article}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/staff/press/edit/{article}?handler=Clipping&size=thumb")).StatusCode);
        foreach (var page in new[] { $"/staff/press/exhibitions/{exhibition}", $"/staff/press/exhibitions/{exhibition}/slideshow", $"/staff/press/exhibitions/{exhibition}/posters" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(page)).StatusCode);
        }
        Assert.DoesNotContain("L'Ambassade", await stranger.Client.GetStringAsync("/staff/press/review?from=2000-01-01"), StringComparison.Ordinal);
        // The other mission's own template is its own: this one's stays the shipped wording.
        var strangerApi = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Press));
        (await strangerApi.PutAsJsonAsync("/api/news/templates/en", new { text = "# Theirs" })).EnsureSuccessStatusCode();
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/api/news/templates/en")).GetProperty("shipped").GetBoolean());
    }

    [Fact]
    public async Task A_refused_step_comes_back_on_the_same_page_in_its_own_words_and_changes_nothing()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var pressEmail = await _app.CreateUserAsync(mission.Id, MissionRole.Press);
        var api = await _app.ApiClientAsync(pressEmail);
        var item = (await (await api.PostAsJsonAsync("/api/news", new { title = "Reception", body = "Text.", language = "en" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var article = (await (await api.PostAsJsonAsync("/api/press", new { outlet = "Le Quotidien", title = "L'Ambassade" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var press = await StaffSession.SignInAsync(_app, pressEmail);
        static string? Alert(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[role=alert]")?.TextContent;

        // A version in a language that is no language: the item's page again (not a redirect), saying why, nothing made.
        var translate = await press.SubmitAsync($"/staff/news/edit/{item}", "form[action*=Translate]", new() { ["language"] = "not a language!" });
        Assert.Equal(HttpStatusCode.OK, translate.StatusCode);
        var page = await StaffSession.ReadAsync(translate);
        Assert.Contains("is not a language tag", Alert(page));
        Assert.Equal("Reception", page.QuerySelector("#Input_Title")?.GetAttribute("value"));
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>("/api/news")).GetArrayLength());

        // Sent back without a reason: said above the item, still submitted.
        (await api.PostAsync($"/api/news/{item}/submit", null)).EnsureSuccessStatusCode();
        var sentBack = await StaffSession.ReadAsync(await press.SubmitAsync($"/staff/news/edit/{item}", "form[action*=Return]", new() { ["reason"] = " " }));
        Assert.False(string.IsNullOrWhiteSpace(Alert(sentBack)));
        Assert.Equal("submitted", (await api.GetFromJsonAsync<JsonElement>($"/api/news/{item}")).GetProperty("state").GetString());

        // A clipping that is not a picture or a PDF: the article's page with its fields, saying so.
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "file", "clip.pdf" },
        };
        var token = (await press.GetPageAsync($"/staff/press/edit/{article}")).QuerySelector("form[action*=Clipping] [name=__RequestVerificationToken]")!.GetAttribute("value")!;
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        var clipping = await press.Client.PostAsync($"/staff/press/edit/{article}?handler=Clipping", upload);
        Assert.Equal(HttpStatusCode.OK, clipping.StatusCode);
        var articlePage = await StaffSession.ReadAsync(clipping);
        Assert.False(string.IsNullOrWhiteSpace(Alert(articlePage)));
        Assert.Equal("Le Quotidien", articlePage.QuerySelector("#Input_Outlet")?.GetAttribute("value"));

        // A template the draft could not use: the template page, its words kept, the reason with line and column.
        var template = await StaffSession.ReadAsync(await press.SubmitAsync("/staff/news/templates?language=en", "form[action*=Save]", new() { ["Text"] = "# T\n{% include 'x' %}" }));
        Assert.Contains("include", Alert(template));
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/api/news/templates/en")).GetProperty("shipped").GetBoolean());
    }
}
