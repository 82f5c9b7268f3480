using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Chancery.Domain.Missions;

namespace Chancery.Domain.News;

/// <summary>
/// The mission's news as feeds: Atom (RFC 4287) through System.ServiceModel.Syndication, JSON Feed 1.1, and a
/// script another website includes to list the latest items. Every version of every published item is an entry,
/// each marked with its language. <paramref name="root"/> arguments are the absolute address of the mission's
/// <c>/news</c>.
/// </summary>
public static class NewsFeeds
{
    public static string ItemUrl(string root, NewsItem n) => $"{root}/{n.Slug}";

    public static byte[] Atom(Mission mission, IReadOnlyList<PublicNews.Entry> entries, string root, DateTimeOffset now)
    {
        var feed = new SyndicationFeed(XmlSafe(mission.Name) + " — News", null, new Uri(root))
        {
            Id = $"urn:uuid:{mission.Id}",
            LastUpdatedTime = entries.Count > 0 ? entries.Max(e => e.Item.UpdatedAt) : now,
            Language = mission.Language,
        };
        feed.Authors.Add(new SyndicationPerson { Name = XmlSafe(mission.Name) });
        feed.Links.Add(new SyndicationLink(new Uri(root + "/feed.atom"), "self", null, "application/atom+xml", 0));
        feed.Items = entries.Select(e =>
        {
            var item = new SyndicationItem(XmlSafe(e.Item.Title), SyndicationContent.CreateHtmlContent(XmlSafe(NewsMarkdown.Html(e.Item.Body))), new Uri(ItemUrl(root, e.Item)),
                $"urn:uuid:{e.Item.Id}", e.Item.UpdatedAt)
            {
                PublishDate = e.Item.PublishedAt ?? e.Item.UpdatedAt,
                Summary = new TextSyndicationContent(XmlSafe(e.Summary)),
            };
            // xml:lang on the entry: a reader shows an Arabic item right to left.
            item.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), e.Item.Language);
            return item;
        }).ToList();
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Text XML 1.0 can carry: C0 controls other than tab and newlines, unpaired surrogates and U+FFFE/U+FFFF left
    /// out. Whatever an item holds, its feed is written (an XmlWriter throws on them, and the feed would fail until
    /// the item was withdrawn).
    /// </summary>
    public static string XmlSafe(string text) => Contacts.Text.Fit(text);

    public sealed record JsonFeed(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("home_page_url")] string HomePageUrl,
        [property: JsonPropertyName("feed_url")] string FeedUrl,
        [property: JsonPropertyName("language")] string? Language,
        [property: JsonPropertyName("authors")] IReadOnlyList<JsonAuthor> Authors,
        [property: JsonPropertyName("items")] IReadOnlyList<JsonItem> Items);

    public sealed record JsonAuthor([property: JsonPropertyName("name")] string Name);

    public sealed record JsonItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("content_html")] string ContentHtml,
        [property: JsonPropertyName("summary")] string Summary,
        [property: JsonPropertyName("date_published")] DateTimeOffset DatePublished,
        [property: JsonPropertyName("date_modified")] DateTimeOffset DateModified,
        [property: JsonPropertyName("language")] string Language,
        [property: JsonPropertyName("image")] string? Image);

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] JsonFeedOf(Mission mission, IReadOnlyList<PublicNews.Entry> entries, string root) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonFeed("https://jsonfeed.org/version/1.1", mission.Name + " — News", root, root + "/feed.json", mission.Language,
            [new JsonAuthor(mission.Name)],
            [.. entries.Select(e => new JsonItem($"urn:uuid:{e.Item.Id}", ItemUrl(root, e.Item), e.Item.Title, NewsMarkdown.Html(e.Item.Body), e.Summary,
                e.Item.PublishedAt ?? e.Item.UpdatedAt, e.Item.UpdatedAt, e.Item.Language, e.Lead is { } lead ? $"{root}/photos/{lead.Photo.Id}/large.jpg" : null))]), Json);

    private static readonly JsonSerializerOptions EmbedJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record EmbedItem(string Url, string Title, string Summary, string Date, string DateText, string Language, string Dir);

    /// <summary>
    /// A script for another website: it puts the latest items, as links with their date and first lines, into the
    /// element marked <c>data-chancery-news</c> (or where the script stands). The data is inside the script as JSON and
    /// written into the page as text, never as markup, so nothing of ours can run on the host's page.
    /// </summary>
    public static string EmbedScript(Mission mission, IReadOnlyList<PublicNews.Entry> entries, string root)
    {
        var data = entries.Select(e =>
        {
            var local = PublicNews.Local(e.Item.PublishedAt ?? e.Item.UpdatedAt, mission);
            return new EmbedItem(ItemUrl(root, e.Item), e.Item.Title, e.Summary, local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                NewsWords.For(e.Item.Language).Date(local), e.Item.Language, Events.InvitationLanguages.RightToLeft(e.Item.Language) ? "rtl" : "ltr");
        });
        // The default encoder escapes <, >, & and quotes: the JSON cannot close the script or start markup.
        var json = JsonSerializer.Serialize(data, EmbedJson);
        return "(function () {\n  var items = " + json + ";\n" + EmbedCode;
    }

    private const string EmbedCode = """
          var script = document.currentScript;
          var target = document.querySelector('[data-chancery-news]');
          if (!target) { target = document.createElement('div'); script.parentNode.insertBefore(target, script); }
          var list = document.createElement('ul');
          list.className = 'chancery-news';
          items.forEach(function (it) {
            var li = document.createElement('li');
            li.lang = it.language; li.dir = it.dir;
            var a = document.createElement('a');
            a.href = it.url; a.textContent = it.title;
            var time = document.createElement('time');
            time.dateTime = it.date; time.textContent = it.dateText;
            var p = document.createElement('p');
            p.textContent = it.summary;
            li.append(a, ' ', time, p);
            list.appendChild(li);
          });
          target.replaceChildren(list);
        })();

        """;
}
