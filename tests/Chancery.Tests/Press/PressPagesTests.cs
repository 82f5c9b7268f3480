using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Press;

/// <summary>The press archive's pages as the press office uses them: the morning's press review, and an article tied to the events it is about.</summary>
public sealed class PressPagesTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Mission _mission = null!;
    private string _press = "";
    private HttpClient _api = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(DatabaseSetup.Sqlite, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        _mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        _press = await _app.CreateUserAsync(_mission.Id, MissionRole.Press);
        _api = await _app.ApiClientAsync(_press);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<string> ArticleAsync(string title, DateOnly day, bool clipping = false)
    {
        var response = await _api.PostAsJsonAsync("/api/press", new { outlet = "人民日报", title, language = "zh", country = "China", summary = "摘要", translatedTitle = "Translated " + title, publishedOn = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (clipping)
        {
            var jpeg = TestClippings.Jpeg(500, 800);
            (await _api.PostAsync($"/api/press/{id}/clipping", new MultipartFormDataContent { { new ByteArrayContent(jpeg), "file", "c.jpg" } })).EnsureSuccessStatusCode();
        }
        return id;
    }

    [Fact]
    public async Task The_press_review_prints_this_weeks_articles_oldest_first_with_their_clippings()
    {
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        var monday = await ArticleAsync("周一的报道", today.AddDays(-3), clipping: true);
        await ArticleAsync("今天的报道", today);
        await ArticleAsync("上个月的报道", today.AddDays(-30));

        using var session = await StaffSession.SignInAsync(_app, _press);
        var review = await session.GetPageAsync("/staff/press/review");
        Assert.Equal(["周一的报道", "今天的报道"], review.QuerySelectorAll(".review-article h2").Select(h => h.TextContent)); // the last seven days, oldest first
        Assert.Contains("2 articles", review.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Translated 周一的报道", review.QuerySelector(".review-translation")!.TextContent);
        var clipping = review.QuerySelector($"#a-{monday} img.review-clipping")!.GetAttribute("src")!;
        var picture = await session.Client.GetAsync(clipping);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType!.MediaType);

        var month = await session.GetPageAsync($"/staff/press/review?from={today.AddDays(-40):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(3, month.QuerySelectorAll(".review-article").Length);
        Assert.Equal("上个月的报道", month.QuerySelector(".review-article h2")!.TextContent);
    }

    [Fact]
    public async Task An_article_is_tied_to_the_events_and_people_it_is_about_on_its_page_and_found_by_them()
    {
        var admin = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Admin));
        var e = (await (await admin.PostAsJsonAsync("/api/events", new { title = "National Day", startsAt = "2027-05-28T18:00", timeZone = "UTC", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var article = await ArticleAsync("国庆招待会", new DateOnly(2027, 5, 29));
        await ArticleAsync("另一篇", new DateOnly(2027, 5, 29));

        using var session = await StaffSession.SignInAsync(_app, _press);
        var saved = await session.SubmitAsync($"/staff/press/edit/{article}", "#article-form", new() { ["Input.EventIds"] = e }, submitter: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([e], (await _api.GetFromJsonAsync<JsonElement>($"/api/press/{article}")).GetProperty("eventIds").EnumerateArray().Select(x => x.GetString()));
        var page = await session.GetPageAsync($"/staff/press/edit/{article}");
        Assert.True(page.QuerySelector($"input[name='Input.EventIds'][value='{e}']")!.HasAttribute("checked"));

        // The people it concerns: found in the directory in their own script, ticked, and the article shows on their page.
        var person = (await (await admin.PostAsJsonAsync("/api/contacts", new { firstName = "Zoltán", lastName = "Kovács" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var other = await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}");
        var otherAdmin = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Admin));
        (await otherAdmin.PostAsJsonAsync("/api/contacts", new { firstName = "Zoltán", lastName = "Kovács (theirs)" })).EnsureSuccessStatusCode();
        var search = await StaffSession.ReadAsync(await session.SubmitAsync($"/staff/press/edit/{article}", "#article-form", new() { ["Input.People"] = "kovacs" }, submitter: "FindPeople"));
        var offered = search.QuerySelectorAll("input[name='Input.ContactIds']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([person], offered); // another mission's namesake is not offered
        Assert.True(search.QuerySelector($"input[name='Input.EventIds'][value='{e}']")!.HasAttribute("checked")); // the form kept what it had
        var linked = await session.SubmitAsync($"/staff/press/edit/{article}", "#article-form", new() { ["Input.ContactIds"] = person }, submitter: "Save");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal([person], (await _api.GetFromJsonAsync<JsonElement>($"/api/press/{article}")).GetProperty("contactIds").EnumerateArray().Select(x => x.GetString()));
        var profile = await session.GetPageAsync($"/staff/contacts/{person}");
        Assert.Equal("国庆招待会", profile.QuerySelector("#press-title + ul a")!.TextContent);

        var found = await session.GetPageAsync($"/staff/press?eventId={e}");
        Assert.Equal(["国庆招待会"], found.QuerySelectorAll("tbody tr td a").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).Take(1));
        Assert.Single(found.QuerySelectorAll("tbody tr"));
    }
}
