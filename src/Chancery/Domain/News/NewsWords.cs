using System.Globalization;

namespace Chancery.Domain.News;

/// <summary>
/// What the news draft needs of a language besides its template: how a list reads ("A, B and C", "A、B和C"), how a
/// date is written out, the placeholder where only a person can write, and how the default guest categories
/// (<see cref="Contacts.Category.Defaults"/>) read in a sentence. A category a mission named itself reads as named.
/// </summary>
public sealed record NewsWords(
    string Language,
    string Separator,
    string LastSeparator,
    string DatePattern,
    string Speech,
    IReadOnlyDictionary<string, string> Categories)
{
    public static readonly IReadOnlyList<string> Shipped = ["en", "fr", "zh", "ar"];

    public static NewsWords For(string language) =>
        Words.TryGetValue(Events.InvitationLanguages.Primary(language), out var w) ? w with { Language = language } : English with { Language = language };

    public static bool IsShipped(string language) => Words.ContainsKey(Events.InvitationLanguages.Primary(language));

    public CultureInfo Culture => Invitations.InvitationWording.Culture(Language);

    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(Separator, items.Take(items.Count - 1)) + LastSeparator + items[^1],
    };

    public string Date(DateTime local)
    {
        var written = local.ToString(DatePattern, Culture);
        // French writes the first of the month as an ordinal: « le 1er mars ».
        return Events.InvitationLanguages.Primary(Language) == "fr" && local.Day == 1 ? "1er" + written[1..] : written;
    }

    /// <summary>A language named in itself ("Français", "中文", "العربية"), as a reader looks for their own; the tag where .NET knows none.</summary>
    public static string NativeName(string tag)
    {
        var culture = Invitations.InvitationWording.Culture(tag);
        var name = culture.Equals(CultureInfo.InvariantCulture) ? tag : culture.NativeName;
        return name.Length > 0 ? char.ToUpper(name[0], culture) + name[1..] : tag;
    }

    public string Category(string name) => Categories.TryGetValue(name, out var phrase) ? phrase : name;

    private static readonly NewsWords English = new("en", ", ", " and ", "d MMMM yyyy",
        "[What was said: to be written by the press office.]",
        new Dictionary<string, string>
        {
            ["Diplomatic corps"] = "members of the diplomatic corps",
            ["Government"] = "representatives of the government",
            ["International organizations"] = "representatives of international organizations",
            ["Scientific circles"] = "representatives of scientific circles",
            ["Public circles"] = "representatives of public circles",
            ["Business"] = "members of the business community",
            ["Press"] = "members of the press",
            ["Citizens"] = "our citizens",
        });

    private static readonly Dictionary<string, NewsWords> Words = new()
    {
        ["en"] = English,
        ["fr"] = new("fr", ", ", " et ", "d MMMM yyyy",
            "[Propos tenus : à rédiger par le service de presse.]",
            new Dictionary<string, string>
            {
                ["Diplomatic corps"] = "des membres du corps diplomatique",
                ["Government"] = "des représentants du gouvernement",
                ["International organizations"] = "des représentants d'organisations internationales",
                ["Scientific circles"] = "des représentants des milieux scientifiques",
                ["Public circles"] = "des représentants de la société civile",
                ["Business"] = "des représentants des milieux d'affaires",
                ["Press"] = "des journalistes",
                ["Citizens"] = "nos compatriotes",
            }),
        ["zh"] = new("zh", "、", "和", "yyyy年M月d日",
            "【讲话内容：由新闻处撰写。】",
            new Dictionary<string, string>
            {
                ["Diplomatic corps"] = "外交使团成员",
                ["Government"] = "政府代表",
                ["International organizations"] = "国际组织代表",
                ["Scientific circles"] = "科学界代表",
                ["Public circles"] = "社会各界代表",
                ["Business"] = "工商界代表",
                ["Press"] = "媒体记者",
                ["Citizens"] = "旅居当地的同胞",
            }),
        ["ar"] = new("ar", "، ", " و", "d MMMM yyyy",
            "[نص الكلمة: يكتبه المكتب الصحفي.]",
            new Dictionary<string, string>
            {
                ["Diplomatic corps"] = "أعضاء السلك الدبلوماسي",
                ["Government"] = "ممثلو الحكومة",
                ["International organizations"] = "ممثلو المنظمات الدولية",
                ["Scientific circles"] = "ممثلو الأوساط العلمية",
                ["Public circles"] = "ممثلو الأوساط الاجتماعية",
                ["Business"] = "ممثلو قطاع الأعمال",
                ["Press"] = "ممثلو وسائل الإعلام",
                ["Citizens"] = "أبناء الجالية",
            }),
    };
}
