using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Press;

/// <summary>
/// Exhibitions of the press archive: curated by the archive's keepers, in order with captions per language; public
/// at /exhibitions/{slug} once published and never before, nor another mission's; its clippings public only through
/// it; linked to an event's programme item and shown on the event's news item.
/// </summary>
public abstract partial class ExhibitionTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;
    private Mission _mission = null!;
    private HttpClient _press = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        _mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        _press = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        _admin = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Admin));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private static async Task<string> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> ArticleAsync(HttpClient client, string title, string outlet, string language, bool picture = true)
    {
        var id = await IdOf(await client.PostAsJsonAsync("/api/press", new { outlet, title, language, publishedOn = "2024-02-27", country = "China", url = "https://paper.example/a?x=1&y=<2>" }));
        if (picture)
        {
            var jpeg = TestClippings.Jpeg(600, 900);
            var form = new MultipartFormDataContent { { new ByteArrayContent(jpeg), "file", "scan.jpg" } };
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/press/{id}/clipping", form)).StatusCode);
        }
        return id;
    }

    private string Public(string slug, string path = "") => $"/m/{_mission.Slug}/exhibitions/{slug}{path}";

    [Fact]
    public async Task An_exhibition_is_public_once_published_in_its_order_with_captions_per_language_and_its_clippings_only_through_it()
    {
        var chinese = await ArticleAsync(_press, "阿塞拜疆大使馆举行纪念活动", "人民日报", "zh");
        var french = await ArticleAsync(_press, "L'Ambassade <b>commémore</b>", "Le Quotidien", "fr");
        var pdfOnly = await ArticleAsync(_press, "A text-only article", "The Daily", "en", picture: false);
        var unshown = await ArticleAsync(_press, "Not in the exhibition", "The Other Daily", "en");

        var created = await _press.PostAsJsonAsync("/api/press/exhibitions", new
        {
            language = "en",
            titles = new Dictionary<string, string> { ["en"] = "The world's press remembers", ["zh"] = "国际媒体的报道" },
            intros = new Dictionary<string, string> { ["en"] = "Articles from <script>alert(1)</script> five countries." },
            pieces = new object[]
            {
                new { articleId = french, captions = new Dictionary<string, string> { ["en"] = "Le Quotidien, the day after.", ["zh"] = "次日的《日报》。" } },
                new { articleId = chinese, captions = new Dictionary<string, string> { ["en"] = "The People's Daily." } },
                new { articleId = pdfOnly },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var exhibition = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = exhibition.GetProperty("id").GetString();
        var slug = exhibition.GetProperty("slug").GetString()!;
        Assert.Equal("the-world-s-press-remembers", slug);
        Assert.Equal([french, chinese, pdfOnly], exhibition.GetProperty("pieces").EnumerateArray().Select(p => p.GetProperty("articleId").GetString()));

        // Not published: nothing of it is public, not even its clippings.
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug, "/slideshow"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug, $"/clippings/{french}/large.jpg"))).StatusCode);

        var published = await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { published = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal([french, chinese, pdfOnly], (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pieces").EnumerateArray().Select(p => p.GetProperty("articleId").GetString())); // kept when left out

        var html = await anonymous.GetStringAsync(Public(slug));
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("The world's press remembers", page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script, main b"));
        Assert.Contains("Articles from <script>alert(1)</script> five countries.", page.QuerySelector(".exhibition-intro")!.TextContent, StringComparison.Ordinal);
        var exhibits = page.QuerySelectorAll(".exhibit").ToList();
        Assert.Equal(["L'Ambassade <b>commémore</b>", "阿塞拜疆大使馆举行纪念活动", "A text-only article"], exhibits.Select(e => e.QuerySelector(".exhibit-title")!.TextContent));
        Assert.Equal("Le Quotidien, the day after.", exhibits[0].QuerySelector(".exhibit-caption")!.TextContent);
        Assert.Equal("https://paper.example/a?x=1&y=<2>", exhibits[0].QuerySelector(".exhibit-source a")!.GetAttribute("href"));
        Assert.Null(exhibits[2].QuerySelector("img")); // no clipping: a card with its title
        Assert.DoesNotContain("Not in the exhibition", html, StringComparison.Ordinal);

        // Its clippings are public through it; an article outside it is not, whatever the address says.
        var large = await anonymous.GetAsync(exhibits[0].QuerySelector("a[href$='large.jpg']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Equal("image/jpeg", large.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug, $"/clippings/{unshown}/large.jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug, $"/clippings/{pdfOnly}/large.jpg"))).StatusCode);

        // In Chinese: its Chinese title, and each caption in Chinese where it has one, else in its main language.
        var zh = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(Public(slug) + "?lang=zh"));
        Assert.Equal("国际媒体的报道", zh.QuerySelector("h1")!.TextContent);
        Assert.Equal("zh", zh.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["次日的《日报》。", "The People's Daily."], zh.QuerySelectorAll(".exhibit-caption").Select(c => c.TextContent));

        // The posters carry every language's caption, a sheet per article, with a code for the original.
        var posters = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(Public(slug, "/posters?paper=a3")));
        Assert.Equal(3, posters.QuerySelectorAll(".posters.a3 .poster").Length);
        Assert.Equal(["Le Quotidien, the day after.", "次日的《日报》。"], posters.QuerySelectorAll(".poster")[0].QuerySelectorAll(".poster-caption").Select(c => c.TextContent));
        Assert.StartsWith("data:image/png;base64,", posters.QuerySelector(".poster-qr")!.GetAttribute("src"), StringComparison.Ordinal);
        var slides = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(Public(slug, "/slideshow")));
        Assert.Equal(4, slides.QuerySelectorAll(".slide").Length); // its title, then each article

        // Listed on the mission's exhibitions page, and its pages link there.
        var list = new HtmlParser().ParseDocument(await anonymous.GetStringAsync($"/m/{_mission.Slug}/exhibitions"));
        Assert.Equal(["The world's press remembers", "国际媒体的报道"], list.QuerySelectorAll(".exhibition-list a").Select(a => a.TextContent));
        Assert.NotNull(page.QuerySelector($"header nav a[href='/m/{_mission.Slug}/exhibitions']"));

        // Taken down: gone from the website again.
        Assert.Equal(HttpStatusCode.OK, (await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { published = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public(slug, $"/clippings/{french}/large.jpg"))).StatusCode);
        Assert.Empty(new HtmlParser().ParseDocument(await anonymous.GetStringAsync($"/m/{_mission.Slug}/exhibitions")).QuerySelectorAll(".exhibition-list a"));
        Assert.Null(new HtmlParser().ParseDocument(await anonymous.GetStringAsync($"/m/{_mission.Slug}/news")).QuerySelector("header nav a[href$='/exhibitions']"));
    }

    [Fact]
    public async Task Another_missions_exhibition_and_articles_stay_its_own()
    {
        var other = await _app.CreateMissionAsync($"Another embassy {Guid.NewGuid():N}");
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Press));
        var theirs = await ArticleAsync(stranger, "Their article", "Their paper", "en");
        var ours = await ArticleAsync(_press, "Our article", "Our paper", "en");

        // Another mission's article cannot be put into ours.
        var mixed = await _press.PostAsJsonAsync("/api/press/exhibitions", new { language = "en", titles = new { en = "Ours" }, pieces = new[] { new { articleId = theirs } } });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Contains("not in the mission's archive", await mixed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var theirExhibition = await stranger.PostAsJsonAsync("/api/press/exhibitions", new { language = "en", titles = new { en = "Theirs" }, published = true, pieces = new[] { new { articleId = theirs } } });
        var theirId = await IdOf(theirExhibition);
        var ourId = await IdOf(await _press.PostAsJsonAsync("/api/press/exhibitions", new { language = "en", titles = new { en = "Ours" }, published = true, pieces = new[] { new { articleId = ours } } }));

        Assert.Equal(HttpStatusCode.NotFound, (await _press.GetAsync($"/api/press/exhibitions/{theirId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _press.PutAsJsonAsync($"/api/press/exhibitions/{theirId}", new { published = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _press.DeleteAsync($"/api/press/exhibitions/{theirId}")).StatusCode);
        Assert.Equal([ourId], (await _press.GetFromJsonAsync<JsonElement[]>("/api/press/exhibitions"))!.Select(x => x.GetProperty("id").GetString()));

        // Under our mission's address, their exhibition (and its clippings) are not there, though published.
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/m/{other.Slug}/exhibitions/theirs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/{_mission.Slug}/exhibitions/theirs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/{_mission.Slug}/exhibitions/ours/clippings/{theirs}/large.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/{_mission.Slug}/exhibitions/theirs/clippings/{theirs}/large.jpg")).StatusCode);

        // The door reads nothing of it.
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync("/api/press/exhibitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/press/exhibitions/{ourId}")).StatusCode);

        // An article deleted from the archive leaves the exhibition; the exhibition stays.
        Assert.Equal(HttpStatusCode.NoContent, (await _press.DeleteAsync($"/api/press/{ours}")).StatusCode);
        Assert.Empty((await _press.GetFromJsonAsync<JsonElement>($"/api/press/exhibitions/{ourId}")).GetProperty("pieces").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var article = await ArticleAsync(_press, "An article", "A paper", "en", picture: false);
        var response = await _press.PostAsJsonAsync("/api/press/exhibitions", new
        {
            language = "zh",
            titles = new Dictionary<string, string> { ["en"] = "Only English", ["not a tag!"] = "x" },
            slug = "Bad Slug",
            published = true,
            pieces = new object[] { new { articleId = article }, new { articleId = article } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "titles", "slug", "pieces", "published" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} in {errors}");
        }
        var caption = await _press.PostAsJsonAsync("/api/press/exhibitions", new
        {
            language = "en",
            titles = new { en = "Fine" },
            pieces = new[] { new { articleId = article, captions = new Dictionary<string, string> { ["fr"] = "Pas de version française" } } },
        });
        Assert.Contains("no fr version", await caption.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await _press.GetFromJsonAsync<JsonElement[]>("/api/press/exhibitions"))!);
    }

    [Fact]
    public async Task An_exhibition_of_an_events_programme_is_linked_from_the_events_news_item()
    {
        var e = await IdOf(await _admin.PostAsJsonAsync("/api/events", new { title = "Commemoration", startsAt = "2027-02-26T18:00", timeZone = "Asia/Shanghai", venue = "Embassy" }));
        var item = await IdOf(await _admin.PostAsJsonAsync($"/api/events/{e}/programme", new { title = "Photo exhibition of the international press" }));
        var article = await ArticleAsync(_press, "Coverage", "A paper", "en");
        var x = await IdOf(await _press.PostAsJsonAsync("/api/press/exhibitions", new
        {
            language = "en",
            titles = new { en = "In the press", zh = "媒体报道" },
            programmeItemId = item,
            published = true,
            pieces = new[] { new { articleId = article } },
        }));
        var saved = await _press.GetFromJsonAsync<JsonElement>($"/api/press/exhibitions/{x}");
        Assert.Equal(e, saved.GetProperty("eventId").GetString()); // the programme item's event

        var news = await _admin.PostAsJsonAsync("/api/news", new { title = "The embassy remembers", body = "Guests came.", language = "zh", eventId = e, publish = true, reason = "Test." });
        var slug = (await news.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString();
        var page = new HtmlParser().ParseDocument(await _app.CreateClient().GetStringAsync($"/m/{_mission.Slug}/news/{slug}"));
        var link = page.QuerySelector(".news-exhibitions a")!;
        Assert.Equal("媒体报道", link.TextContent); // in the item's language
        Assert.Equal($"/m/{_mission.Slug}/exhibitions/in-the-press?lang=zh", link.GetAttribute("href"));

        // Another mission's programme item is not ours to point at.
        var other = await _app.CreateMissionAsync($"Another {Guid.NewGuid():N}");
        var otherAdmin = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Admin));
        var theirEvent = await IdOf(await otherAdmin.PostAsJsonAsync("/api/events", new { title = "Theirs", startsAt = "2027-02-26T18:00", timeZone = "UTC", venue = "There" }));
        var wrong = await _press.PutAsJsonAsync($"/api/press/exhibitions/{x}", new { eventId = theirEvent });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("eventId", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public abstract partial class ExhibitionTests
{
    [Fact]
    public async Task A_change_made_on_an_old_read_is_refused_and_left_out_parts_and_the_event_link_are_kept()
    {
        var e = await IdOf(await _admin.PostAsJsonAsync("/api/events", new { title = "Reception", startsAt = "2027-02-26T18:00", timeZone = "UTC", venue = "Residence" }));
        var article = await ArticleAsync(_press, "Coverage", "A paper", "en");
        var created = await (await _press.PostAsJsonAsync("/api/press/exhibitions", new { language = "EN", titles = new Dictionary<string, string> { ["en"] = "In the press", ["zh-hant"] = "媒體報導" }, eventId = e }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal("en", created.GetProperty("language").GetString()); // "EN" and "en" are one language
        Assert.Equal(["en", "zh-Hant"], created.GetProperty("titles").EnumerateObject().Select(t => t.Name));
        var read = created.GetProperty("version").GetInt32();

        // Someone adds an article; a change made on the earlier read is refused rather than dropping it.
        Assert.Equal(HttpStatusCode.OK, (await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { version = read, pieces = new[] { new { articleId = article } } })).StatusCode);
        var stale = await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { version = read, pieces = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Published without naming the event: the link stays; unlinked only when asked.
        var published = await (await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { published = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(e, published.GetProperty("eventId").GetString());
        Assert.Single(published.GetProperty("pieces").EnumerateArray());
        var unlinked = await (await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { unlinkEvent = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, unlinked.GetProperty("eventId").ValueKind);

        // Taking the last article out of a published exhibition is refused, saying how.
        var emptied = await _press.PutAsJsonAsync($"/api/press/exhibitions/{id}", new { pieces = Array.Empty<object>() });
        Assert.Contains("take it down first", await emptied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_clipping_is_never_public_though_its_picture_is()
    {
        var id = await IdOf(await _press.PostAsJsonAsync("/api/press", new { outlet = "Le Quotidien", title = "Scanned" }));
        var jpeg = TestClippings.Jpeg(600, 900);
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestClippings.Scanned(jpeg, 600, 900, "text")), "file", "scan.pdf" } };
        Assert.Equal(HttpStatusCode.OK, (await _press.PostAsync($"/api/press/{id}/clipping", form)).StatusCode);
        var slug = (await (await _press.PostAsJsonAsync("/api/press/exhibitions", new { language = "en", titles = new { en = "Scans" }, published = true, pieces = new[] { new { articleId = id } } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;

        var anonymous = _app.CreateClient();
        var picture = await anonymous.GetAsync(Public(slug, $"/clippings/{id}/large.jpg"));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType!.MediaType);
        foreach (var size in new[] { "pdf", "clipping", "../clipping" })
        {
            var response = await anonymous.GetAsync(Public(slug, $"/clippings/{id}/{Uri.EscapeDataString(size)}.jpg"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var page = await anonymous.GetStringAsync(Public(slug));
        Assert.Contains($"/clippings/{id}/medium.jpg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pdf", page, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class ExhibitionTestsOnSqlite() : ExhibitionTests(DatabaseSetup.Sqlite);

public sealed class ExhibitionTestsOnPostgres() : ExhibitionTests(DatabaseSetup.Postgres);
