using System.Collections.Frozen;
using System.Text;

namespace Chancery.Domain.Contacts.Names;

/// <summary>
/// Cyrillic names in Latin letters as machine-readable travel documents write them: ICAO Doc 9303, Part 3, the
/// transliteration of Cyrillic characters (Ж ZH, Х KH, Ц TS, Щ SHCH, Й I, Ы Y, Ъ IE, Ю IU, Я IA, the soft sign
/// left out), which the passports of Russia and most of the region have followed since 2014 ("Iuliia", not "Yulia").
/// Ukrainian and Belarusian write Г as H, and Ukrainian И as Y, as the table's notes say. A person whose passport
/// spells otherwise records their own spelling (docs/names.md).
/// </summary>
public static class Cyrillic
{
    private static readonly FrozenDictionary<char, string> Letters = new Dictionary<char, string>
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['ґ'] = "g",
        ['д'] = "d",
        ['ђ'] = "d",
        ['ѓ'] = "g",
        ['е'] = "e",
        ['ё'] = "e",
        ['є'] = "ie",
        ['ж'] = "zh",
        ['з'] = "z",
        ['ѕ'] = "dz",
        ['и'] = "i",
        ['і'] = "i",
        ['ї'] = "i",
        ['й'] = "i",
        ['ј'] = "j",
        ['к'] = "k",
        ['л'] = "l",
        ['љ'] = "lj",
        ['м'] = "m",
        ['н'] = "n",
        ['њ'] = "nj",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['ћ'] = "c",
        ['ќ'] = "kj",
        ['у'] = "u",
        ['ў'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['џ'] = "dz",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "ie",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "iu",
        ['я'] = "ia",
    }.ToFrozenDictionary();

    /// <summary>Whether ICAO's table reads every letter of <paramref name="part"/> (Kazakh's ә or ң, say, are not in it).</summary>
    public static bool Reads(string part) => part.All(c => !char.IsLetter(c) || c < 0x0400 || c > 0x04FF || Letters.ContainsKey(char.ToLowerInvariant(c)));

    /// <summary><paramref name="part"/> in Latin letters, each word capitalized as names are; <paramref name="language"/> is the person's.</summary>
    public static string Romanize(string part, string? language)
    {
        var primary = ContactRules.PrimaryLanguage(language);
        var sb = new StringBuilder(part.Length * 2);
        var wordStart = true;
        foreach (var c in Text.Fit(part).Normalize(NormalizationForm.FormC))
        {
            var lower = char.ToLowerInvariant(c);
            var latin = primary switch
            {
                "uk" or "be" when lower == 'г' => "h",
                "uk" when lower == 'и' => "y",
                _ => Letters.TryGetValue(lower, out var l) ? l : c.ToString(),
            };
            if (latin.Length > 0 && wordStart)
            {
                latin = char.ToUpperInvariant(latin[0]) + latin[1..];
            }
            sb.Append(latin);
            if (latin.Length > 0 || c is ' ' or '-')
            {
                wordStart = c is ' ' or '-';
            }
        }
        return sb.ToString();
    }
}
