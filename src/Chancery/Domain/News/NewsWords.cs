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

    /// <summary>A default category read in a sentence with the mission's city, where the language says it so ("our citizens living in Beijing").</summary>
    public string Category(string name, string? city) =>
        city is not null && InCity.TryGetValue(name, out var phrase) ? string.Format(Culture, phrase, city) : Category(name);

    /// <summary>Phrases of <see cref="Categories"/> with the city in them ({0}).</summary>
    public IReadOnlyDictionary<string, string> InCity { get; init; } = new Dictionary<string, string>();

    /// <summary>An office's name as a noun in a sentence, with the article its language gives it: "the Embassy of …", « l'Ambassade … ».</summary>
    public string Office(string name)
    {
        var with = Invitations.EventWords.WithArticle(name, Language);
        var primary = Events.InvitationLanguages.Primary(Language);
        // The article the table adds, or one written at the start, is lower case inside a sentence.
        return primary is "en" or "fr" or "es" && with.Length > 1 && char.IsUpper(with[0]) && (with != name || StartsWithArticle(name))
            ? char.ToLower(with[0], Culture) + with[1..] : with;
    }

    private static readonly string[] Articles = ["The ", "L'", "L’", "Le ", "La ", "Les ", "El ", "Los ", "Las "];

    private static bool StartsWithArticle(string name) => Articles.Any(a => name.StartsWith(a, StringComparison.Ordinal));

    /// <summary>Where something was held, with the language's preposition: "at the Embassy", « au Consulat », « à l'Ambassade », 在…, في ….</summary>
    public string At(string place, bool office)
    {
        var primary = Events.InvitationLanguages.Primary(Language);
        return primary switch
        {
            "fr" when office && place.StartsWith("le ", StringComparison.Ordinal) => "au " + place[3..],
            "fr" when office && place.StartsWith("les ", StringComparison.Ordinal) => "aux " + place[4..],
            "fr" => "à " + place,
            "es" => "en " + place,
            "zh" => "在" + place,
            "ar" => "في " + place,
            _ => "at " + place,
        };
    }

    /// <summary>
    /// A programme item's title as the object of a sentence: in English with "the" unless it has an article or begins
    /// with a name ("the laying of a wreath", "the minute of silence", "a video", "Ambassador's address"); elsewhere lower
    /// case at its start ("dépôt d'une gerbe") where it is not a name.
    /// </summary>
    public string Phrase(string title)
    {
        var lowered = LowerFirst(title, Culture);
        if (Events.InvitationLanguages.Primary(Language) != "en" || lowered.Length == 0)
        {
            return lowered;
        }
        var first = lowered.Split(' ', 2)[0];
        return first is "a" or "an" or "the" or "his" or "her" or "their" or "our" or "its" || char.IsDigit(lowered[0]) || char.IsUpper(lowered[0])
            ? lowered : "the " + lowered;
    }

    /// <summary>"Minute of silence" inside a sentence; "UN Day", "Ambassador's address" and other names stay as written.</summary>
    public static string LowerFirst(string s, CultureInfo culture) =>
        s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) && !StartsWithProperWord(s) ? char.ToLower(s[0], culture) + s[1..] : s;

    // A title that starts with a name or a rank keeps its capital: "Ambassador's address", "President's message".
    private static bool StartsWithProperWord(string s) =>
        s.StartsWith("Ambassador", StringComparison.Ordinal) || s.StartsWith("President", StringComparison.Ordinal)
        || s.StartsWith("Minister", StringComparison.Ordinal) || s.StartsWith("National", StringComparison.Ordinal);

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
        })
    {
        InCity = new Dictionary<string, string>
        {
            ["Diplomatic corps"] = "members of the diplomatic corps in {0}",
            ["Citizens"] = "our citizens living in {0}",
        },
    };

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
            })
        {
            InCity = new Dictionary<string, string>
            {
                ["Diplomatic corps"] = "des membres du corps diplomatique en poste à {0}",
                ["Citizens"] = "nos compatriotes résidant à {0}",
            },
        },
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
            })
        {
            InCity = new Dictionary<string, string>
            {
                ["Diplomatic corps"] = "驻{0}外交使团成员",
                ["Citizens"] = "旅居{0}的同胞",
            },
        },
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
            })
        {
            InCity = new Dictionary<string, string>
            {
                ["Diplomatic corps"] = "أعضاء السلك الدبلوماسي في {0}",
                ["Citizens"] = "أبناء الجالية المقيمون في {0}",
            },
        },
    };
}
