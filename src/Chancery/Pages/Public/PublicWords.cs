namespace Chancery.Pages.Public;

/// <summary>
/// The words of the public pages' own frame (not the mission's content) in the page's language: a Chinese or Arabic
/// news item or exhibition is read in a frame of its own language too. Other languages read English.
/// </summary>
public sealed record PublicWords(string SkipToContent, string News, string Exhibitions, string PublicPages)
{
    public static PublicWords For(string? language) =>
        All.TryGetValue(Domain.Events.InvitationLanguages.Primary(string.IsNullOrWhiteSpace(language) ? "en" : language), out var words) ? words : All["en"];

    private static readonly Dictionary<string, PublicWords> All = new(StringComparer.Ordinal)
    {
        ["en"] = new("Skip to content", "News", "Exhibitions", "Public pages"),
        ["fr"] = new("Aller au contenu", "Actualités", "Expositions", "Pages publiques"),
        ["es"] = new("Ir al contenido", "Noticias", "Exposiciones", "Páginas públicas"),
        ["ru"] = new("Перейти к содержанию", "Новости", "Выставки", "Публичные страницы"),
        ["zh"] = new("跳到正文", "新闻", "展览", "公开页面"),
        ["ar"] = new("انتقل إلى المحتوى", "الأخبار", "المعارض", "الصفحات العامة"),
    };
}
