using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AngleSharp.Html.Parser;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.News;

/// <summary>
/// The public side (API.md <c>/news</c>, <c>/news/{slug}</c>, the feeds): what readers get, in every language and
/// script, with markup and script from an item's text never reaching a page, a feed or another site.
/// </summary>
public abstract class NewsFeedTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;
    private Mission _mission = null!;
    private HttpClient _admin = null!;

    private const string Hostile = """
        Guests <script>alert('page')</script> arrived.

        <img src=x onerror="alert('img')"> [a link](javascript:alert('link')) <iframe src="https://evil.example"></iframe>

        [The embassy](https://embassy.example/about) and **bold** words.
        """;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        _mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
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

    private async Task<JsonElement> PublishAsync(object body)
    {
        var response = await _admin.PostAsJsonAsync("/api/news", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> StoryAsync()
    {
        var en = await PublishAsync(new { title = "Reception <script>alert('title')</script>", body = Hostile, language = "en", publish = true, reason = "Test." });
        var id = en.GetProperty("id").GetString();
        await PublishAsync(new { title = "Réception de la fête nationale", body = "Les invités sont arrivés.", language = "fr", translationOf = id, publish = true, reason = "Test." });
        await PublishAsync(new { title = "حفل استقبال بمناسبة العيد الوطني", body = "وصل الضيوف.", language = "ar", translationOf = id, publish = true, reason = "Test." });
        return en.GetProperty("slug").GetString()!;
    }

    private string Public(string path = "") => $"/m/{_mission.Slug}/news{path}";

    private static void NothingRuns(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(document.QuerySelectorAll("[href], [src]"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Markup_and_script_in_an_item_never_reach_a_public_page_or_a_feed()
    {
        var slug = await StoryAsync();
        var anonymous = _app.CreateClient();

        var page = await anonymous.GetAsync(Public($"/{slug}"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        NothingRuns(html);
        // Written as text, visibly; the ordinary link and emphasis kept.
        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://embassy.example/about\" rel=\"noopener nofollow\">The embassy</a>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        // The same headers as the staff pages.
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        NothingRuns(await anonymous.GetStringAsync(Public()));

        var contents = XDocument.Parse(await anonymous.GetStringAsync(Public("/feed.atom"))).Descendants(Atom + "content").ToList();
        Assert.Equal(3, contents.Count);
        foreach (var entry in contents)
        {
            NothingRuns(entry.Value);
        }
        foreach (var item in (await anonymous.GetFromJsonAsync<JsonElement>(Public("/feed.json"))).GetProperty("items").EnumerateArray())
        {
            NothingRuns(item.GetProperty("content_html").GetString()!);
        }
        // The embed script carries the titles as JSON strings: nothing in them can end the script or start markup.
        var embed = await anonymous.GetStringAsync(Public("/embed.js"));
        Assert.DoesNotContain("<", embed, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", embed, StringComparison.Ordinal);
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    // Warnings reported too: an element the schema does not declare is a warning, not an error, by default.
    private static List<string> AtomProblems(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("http://www.w3.org/2005/Atom", SampleFiles.FixturePath("atom.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    [Fact]
    public async Task The_Atom_feed_validates_and_the_JSON_feed_has_the_fields_of_version_1_1()
    {
        await StoryAsync();
        var anonymous = _app.CreateClient();

        var atom = await anonymous.GetAsync(Public("/feed.atom"));
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        var text = await atom.Content.ReadAsStringAsync();
        Assert.Empty(AtomProblems(text));
        // The schema does refuse what RFC 4287 refuses: a date without its offset, a link without href.
        Assert.Equal(2, AtomProblems("""<feed xmlns="http://www.w3.org/2005/Atom"><updated>2026-11-27T10:00:00</updated><link rel="self"/></feed>""").Count);
        // What XML Schema cannot say of elements in any order (RFC 4287 4.1.1, 4.1.2): exactly one id, title and updated.
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            foreach (var required in new[] { "id", "title", "updated" })
            {
                Assert.Single(element.Elements(Atom + required));
            }
        }
        Assert.NotEmpty(feed.Elements(Atom + "author"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(["ar", "en", "fr"], entries.Select(e => (string)e.Attribute(XNamespace.Xml + "lang")!).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Single(e.Elements(Atom + "link"), l => (string?)l.Attribute("rel") is null or "alternate"));
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");

        var json = await anonymous.GetAsync(Public("/feed.json"));
        Assert.Equal("application/feed+json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", json.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var jf = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://jsonfeed.org/version/1.1", jf.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(jf.GetProperty("title").GetString()));
        Assert.EndsWith("/feed.json", jf.GetProperty("feed_url").GetString(), StringComparison.Ordinal);
        var items = jf.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i =>
        {
            Assert.False(string.IsNullOrEmpty(i.GetProperty("id").GetString()));
            Assert.StartsWith("http", i.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(i.GetProperty("content_html").GetString()));
            // RFC 3339, as the spec asks.
            Assert.True(DateTimeOffset.TryParse(i.GetProperty("date_published").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Contains(i.GetProperty("language").GetString(), (string[])["en", "fr", "ar"]);
        });
    }

    [Fact]
    public async Task A_control_character_is_refused_naming_its_field_and_one_stored_before_never_breaks_the_feed()
    {
        // Text of many lines is refused, the character named (docs/architecture.md, "Text no field may hold").
        // As JSON escapes them (a serializer would mend half a pair before sending it).
        foreach (var (body, named) in new[]
        {
            (@"Before\u0001after", "U+0001"), (@"Back\u0008space", "U+0008"), (@"Vertical\u000Btab", "U+000B"), (@"Non\uFFFEcharacter", "U+FFFE"),
            (@"Plane end \uD83F\uDFFF", "U+1FFFF"), (@"Arabic noncharacter \uFDD0", "U+FDD0"),
        })
        {
            var json = $$"""{"title":"Title","body":"{{body}}","language":"en","publish":true,"reason":"Test."}""";
            var refused = await _admin.PostAsync("/api/news", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(named, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        }
        // Half a surrogate pair is not JSON a reader takes: refused before any rule is asked.
        var half = await _admin.PostAsync("/api/news", new StringContent("""{"title":"Title","body":"Half \uD800 a pair","language":"en"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        // A line (a title, a name) is cleaned as it is trimmed: what no text may hold drops out with the spaces around it.
        Assert.Equal("Bell and", (await PublishAsync(new { title = " Bell\u0007 and\uFFFE ", body = "Body.", language = "en", publish = true, reason = "Test." })).GetProperty("title").GetString());
        // Tab, newlines and characters beyond the basic plane are text like any other.
        var id = (await PublishAsync(new { title = "Bell and more", body = "Before after,\ttab\nkept 😀.", language = "en", publish = true, reason = "Test." })).GetProperty("id").GetGuid();
        // One stored before this rule (written past it here) still never makes the feed fail.
        await _app.WithDbAsync(db => db.NewsItems.IgnoreQueryFilters().Where(n => n.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Title, "Bell\u0007 and \uFFFE").SetProperty(n => n.Body, "Before\u0001after\u0008,\u000B tab\tkept 😀.")));
        await _app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(Chancery.Domain.News.NewsCache.Tag, default);

        var atom = await _app.CreateClient().GetAsync(Public("/feed.atom"));

        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        var text = await atom.Content.ReadAsStringAsync();
        var entry = XDocument.Parse(text).Root!.Element(Atom + "entry")!;
        Assert.Equal("Bell and ", entry.Element(Atom + "title")!.Value);
        Assert.Contains("Beforeafter, tab\tkept 😀.", entry.Element(Atom + "content")!.Value);
    }

    [Fact]
    public async Task Each_language_version_links_to_the_others_and_Arabic_reads_right_to_left()
    {
        var slug = await StoryAsync();
        var anonymous = _app.CreateClient();

        var en = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(Public($"/{slug}")));
        var alternates = en.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal(["ar", "en", "fr", "x-default"], alternates.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith($"/{slug}", alternates["x-default"], StringComparison.Ordinal);
        Assert.Equal("article", en.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.NotNull(en.QuerySelector("meta[property='article:published_time']"));

        var ar = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(new Uri(alternates["ar"]).AbsolutePath));
        Assert.Equal(("ar", "rtl"), (ar.DocumentElement.GetAttribute("lang"), ar.DocumentElement.GetAttribute("dir")));
        Assert.Equal("حفل استقبال بمناسبة العيد الوطني", ar.QuerySelector("h1")!.TextContent);
        // The switcher names each language in itself.
        Assert.Contains(ar.QuerySelectorAll(".news-languages a"), a => a.TextContent == "Français" && a.GetAttribute("hreflang") == "fr");

        // The list shows the story once, in the language asked for.
        var list = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(Public("?lang=fr")));
        Assert.Equal("Réception de la fête nationale", Assert.Single(list.QuerySelectorAll(".news-entry h2")).TextContent);
    }

    [Fact]
    public async Task On_its_own_host_name_the_mission_news_is_at_news_and_another_missions_item_is_not_there()
    {
        var slug = await StoryAsync();
        await _app.WithDbAsync(async db =>
        {
            var m = await db.Missions.IgnoreQueryFilters().AsTracking().SingleAsync(x => x.Id == _mission.Id);
            m.HostName = "news.embassy.example";
            return await db.SaveChangesAsync();
        });
        var own = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://news.embassy.example") });

        var list = await own.GetStringAsync("/news");
        Assert.Contains($"href=\"https://news.embassy.example/news/{slug}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/news/{slug}")).StatusCode);
        Assert.Contains("<id>urn:uuid:", await own.GetStringAsync("/news/feed.atom"), StringComparison.Ordinal);

        // Another mission's address does not reach this one's items.
        var other = await _app.CreateMissionAsync("Another embassy");
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/{other.Slug}/news/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync($"/m/{other.Slug}/news"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/no-such-mission/news/feed.atom")).StatusCode);
    }
}

public sealed class NewsFeedTestsOnSqlite() : NewsFeedTests(DatabaseSetup.Sqlite);

public sealed class NewsFeedTestsOnPostgres() : NewsFeedTests(DatabaseSetup.Postgres);
