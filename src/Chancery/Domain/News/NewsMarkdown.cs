using Ganss.Xss;
using Markdig;

namespace Chancery.Domain.News;

/// <summary>
/// A news item's Markdown as HTML fit for a public page. Two locks, either enough alone: Markdig is told to treat
/// raw HTML as text, and what it writes then goes through HtmlSanitizer, which keeps only ordinary markup and
/// http(s)/mailto links. Links leave with <c>rel="noopener nofollow"</c>.
/// </summary>
public static class NewsMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = MakeSanitizer();

    public static string Html(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The text alone, for a feed's summary or a page's description: the first paragraph, at most <paramref name="max"/> characters.</summary>
    public static string Summary(string markdown, int max = 300)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline).Trim();
        var paragraph = text.Split("\n\n", 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        paragraph = string.Join(' ', paragraph.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return paragraph.Length <= max ? paragraph : paragraph[..(max - 1)].TrimEnd() + "…";
    }

    private static HtmlSanitizer MakeSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "ins", "mark", "sub", "sup", "blockquote", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
                "hr", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
            },
            // No images from elsewhere: the pages' policy would not load them (img-src 'self'); photos come with the item's gallery.
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "align", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        // A tag it does not keep (a "# heading" written as h1, an image) loses the tag, not the words inside it.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener nofollow");
            }
        };
        return sanitizer;
    }
}
