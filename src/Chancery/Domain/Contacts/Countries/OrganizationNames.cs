namespace Chancery.Domain.Contacts;

/// <summary>
/// An organization (or the mission itself) named in a language (docs/names.md §Organizations): the name the office
/// recorded for that language; else, for an embassy or a consulate, one made from its kind and its country's CLDR
/// name with the language's own construction (« Ambassade du Kazakhstan », « Ambassade de Chine », "Embajada del
/// Reino Unido", 哈萨克斯坦大使馆, سفارة كازاخستان); else the name as written, marked uncertain, for the office to record.
/// The name as written is in <c>written</c>, the mission's language: it is used as it is there.
/// Russian names an embassy in the genitive («Посольство Казахстана»), which no table here makes: it is recorded.
/// </summary>
public static class OrganizationNames
{
    public sealed record Named(string Name, bool Uncertain);

    public static Named In(Organization o, string language, string written) => In(o.Name, o.Type, o.Country, o.Names, language, written);

    public static Named In(string name, OrganizationType type, string? country, IReadOnlyDictionary<string, string> names, string language, string written)
    {
        var primary = Events.InvitationLanguages.Primary(language);
        if (names.GetValueOrDefault(primary) is { Length: > 0 } recorded)
        {
            return new(recorded, false);
        }
        if (primary == Events.InvitationLanguages.Primary(written))
        {
            return new(name, false);
        }
        return Made(name, type, country, primary) is { } made ? new(made, false) : new(name, true);
    }

    public const int NameLength = 300;

    /// <summary>
    /// Names per language as they are kept: trimmed, empty ones dropped; a language Chancery does not ship or a name
    /// too long is refused naming the field (<paramref name="field"/>[language]).
    /// </summary>
    public static Dictionary<string, string> Checked(IReadOnlyDictionary<string, string> names, string field)
    {
        var kept = new Dictionary<string, string>();
        foreach (var (language, value) in names)
        {
            if (Text.Clean(value) is not { } name)
            {
                continue;
            }
            if (!Countries.Languages.Contains(language))
            {
                throw new DomainException($"Names are recorded in {string.Join(", ", Countries.Languages)}; '{language}' is not one of them.", $"{field}[{language}]");
            }
            if (name.Length > NameLength || name.Contains('\0', StringComparison.Ordinal))
            {
                throw new DomainException($"A name is at most {NameLength} characters, with no NUL.", $"{field}[{language}]");
            }
            kept[language] = name;
        }
        return kept;
    }

    /// <summary>The kind of office a mission's name begins with ("Embassy of …", "Consulate General of …"), for its name in another language.</summary>
    public static OrganizationType KindOf(string name)
    {
        var folded = Text.Fold(name);
        return folded.StartsWith("consul", StringComparison.Ordinal) || folded.Contains(" consulate", StringComparison.Ordinal) ? OrganizationType.Consulate
            : folded.StartsWith("embass", StringComparison.Ordinal) || folded.Contains(" embassy", StringComparison.Ordinal) ? OrganizationType.Embassy
            : OrganizationType.Other;
    }

    private static string? Made(string name, OrganizationType type, string? country, string language)
    {
        if (type is not (OrganizationType.Embassy or OrganizationType.Consulate) || Countries.NameIn(country, language) is not { } land)
        {
            return null;
        }
        var general = type == OrganizationType.Consulate && Text.Fold(name).Contains("general", StringComparison.Ordinal);
        var embassy = type == OrganizationType.Embassy;
        return language switch
        {
            "en" => (embassy ? "Embassy" : general ? "Consulate General" : "Consulate") + " of " + EnglishArticle(land) + land,
            "fr" => (embassy ? "Ambassade" : general ? "Consulat général" : "Consulat") + " " + FrenchOf(land),
            "es" => (embassy ? "Embajada" : general ? "Consulado General" : "Consulado") + " " + SpanishOf(land),
            "zh" => land + (embassy ? "大使馆" : general ? "总领事馆" : "领事馆"),
            "ar" => embassy ? "سفارة " + land : general ? "القنصلية العامة ل" + ArabicAfterLam(land) : "قنصلية " + land,
            _ => null,
        };
    }

    // English names a few countries with "the": the United Kingdom, the Netherlands, the Philippines.
    private static string EnglishArticle(string land) => land.StartsWith("United ", StringComparison.Ordinal) || EnglishWithThe.Contains(land) ? "the " : "";

    private static readonly HashSet<string> EnglishWithThe =
        ["Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles", "Marshall Islands", "Solomon Islands", "Gambia",
         "Czech Republic", "Dominican Republic", "Central African Republic", "Vatican City", "Palestinian Territories"];

    // French: « de » before a feminine name (de Chine, de Hongrie), « d' » before a vowel or a mute h (d'Italie,
    // d'Iran, d'Haïti), « du » before a masculine one (du Kazakhstan, du Japon), « des » before a plural (des
    // États-Unis); islands and city-states take no article (de Cuba, de Malte, de Singapour).
    private static string FrenchOf(string land)
    {
        var folded = Text.Fold(land);
        if (FrenchPlural.Contains(land))
        {
            return "des " + land;
        }
        if ("aeiou".Contains(folded[0], StringComparison.Ordinal) || folded.StartsWith("hai", StringComparison.Ordinal))
        {
            return "d'" + land;
        }
        var feminine = folded.EndsWith('e') && !FrenchMasculineInE.Contains(land) || land.Contains("Corée", StringComparison.Ordinal) || land.StartsWith("Macédoine", StringComparison.Ordinal)
            || land.StartsWith("République", StringComparison.Ordinal) || land.StartsWith("Côte", StringComparison.Ordinal) || land.StartsWith("Guinée", StringComparison.Ordinal);
        return feminine || FrenchWithoutArticle.Contains(land) ? "de " + land : "du " + land;
    }

    private static readonly HashSet<string> FrenchPlural = ["États-Unis", "Émirats arabes unis", "Pays-Bas", "Philippines", "Comores", "Maldives", "Seychelles", "Bahamas", "Fidji", "Îles Marshall", "Îles Salomon"];
    private static readonly HashSet<string> FrenchMasculineInE = ["Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname", "Bélarus", "Royaume-Uni", "Timor oriental"];
    private static readonly HashSet<string> FrenchWithoutArticle =
        ["Cuba", "Madagascar", "Malte", "Chypre", "Singapour", "Monaco", "Bahreïn", "Maurice", "Sri Lanka", "Djibouti", "Brunei", "Tonga", "Nauru",
         "Tuvalu", "Kiribati", "Samoa", "Vanuatu", "Palaos", "Sainte-Lucie", "Saint-Marin", "Trinité-et-Tobago", "Saint-Christophe-et-Niévès",
         "Antigua-et-Barbuda", "Saint-Vincent-et-les-Grenadines", "Sao Tomé-et-Principe", "Cap-Vert", "Israël", "Oman"];

    // Spanish: "de China", "de Kazajistán"; with the article a few names carry: "del Reino Unido", "de los Países Bajos".
    private static string SpanishOf(string land) => land switch
    {
        "Reino Unido" => "del Reino Unido",
        "Países Bajos" or "Emiratos Árabes Unidos" or "Estados Unidos" => "de los " + land,
        _ => "de " + land,
    };

    // "ل" joins the next word; "ال" then loses its alif: لل…
    private static string ArabicAfterLam(string land) => land.StartsWith("ال", StringComparison.Ordinal) ? "ل" + land[2..] : land;
}
