using Chancery.Domain.Missions;
using Chancery.Domain.Press;

namespace Chancery.Pages.Public.Exhibitions;

/// <summary>
/// What the exhibition's page, slideshow and posters are drawn from, on the public side (a published exhibition, its
/// clippings at its own address) or the staff side (any exhibition, before it is published, its clippings by the archive's page).
/// </summary>
public sealed record ExhibitionView(Domain.Press.Exhibitions.Shown Shown, Mission Mission, string Address, bool Staff)
{
    /// <summary>A picture of the piece's clipping in a size (large, medium, thumb); null when there is none to show.</summary>
    public string? Image(PressArticle article, string size) =>
        !article.HasPicture ? null
        : Staff ? $"/staff/press/edit/{article.Id}?handler=Clipping&size={size}"
        : $"{Address}/clippings/{article.Id}/{size}.jpg";

    /// <summary>Where the same view is in another language or form (slideshow, posters).</summary>
    public string Link(string? form = null, string? language = null, string? query = null)
    {
        var parts = new[] { language is null ? null : "lang=" + Uri.EscapeDataString(language), query }.OfType<string>().ToList();
        return $"{Address}{(form is null ? "" : "/" + form)}{(parts.Count == 0 ? "" : "?" + string.Join('&', parts))}";
    }

    public string Dir(string? language) => Domain.Events.InvitationLanguages.RightToLeft(language ?? Shown.Language) ? "rtl" : "ltr";

    /// <summary>The article's date written out in the language shown, as the news does.</summary>
    public string Date(PressArticle article) =>
        article.PublishedOn is { } day ? Domain.News.NewsWords.For(Shown.Language).Date(day.ToDateTime(TimeOnly.MinValue)) : "";

    /// <summary>The original article's link as a QR code for a poster (a data: PNG the pages' policy allows); null without a link.</summary>
    public static string? QrCode(string? url) =>
        url is null ? null : "data:image/png;base64," + Convert.ToBase64String(new QRCoder.PngByteQRCode(QRCoder.QRCodeGenerator.GenerateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(8));

    /// <summary>The source line's parts: outlet, country, date (each isolated when shown: an Arabic outlet must not reorder an English date).</summary>
    public IEnumerable<string> Source(PressArticle article) =>
        new[] { article.Outlet, article.Country, Date(article) }.Where(s => !string.IsNullOrEmpty(s)).Cast<string>();
}

/// <summary>The paper the posters are for and the slideshow's pace, from the address (anything else: A4, ten seconds).</summary>
public static class ExhibitionPaper
{
    public static string Of(string? paper) => string.Equals(paper, "a3", StringComparison.OrdinalIgnoreCase) ? "a3" : "a4";

    public static int Seconds(string? seconds) => int.TryParse(seconds, out var s) ? Math.Clamp(s, 3, 600) : 10;
}
