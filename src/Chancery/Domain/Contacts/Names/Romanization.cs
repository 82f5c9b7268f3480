using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Chancery.Domain.Contacts.Names;

/// <summary>Where a person's name in Latin letters came from, and so whether someone should look at it.</summary>
public enum LatinSource
{
    /// <summary>Recorded by a person (the Latin name field).</summary>
    [Display(Name = "as recorded")]
    Recorded,
    /// <summary>The name is written in Latin letters already.</summary>
    [Display(Name = "as written")]
    AsWritten,
    /// <summary>Transliterated by a standard that reads the script without guessing (Pinyin, Revised Romanization, Hepburn for kana).</summary>
    [Display(Name = "transliterated by machine")]
    Machine,
    /// <summary>A guess: Arabic without its vowels, Hebrew, Thai. A person should check it before a list is printed.</summary>
    [Display(Name = "guessed by machine")]
    Uncertain,
    /// <summary>No reading by rule (Japanese kanji): the name files under its own script until a person records one.</summary>
    [Display(Name = "none yet")]
    Missing,
}

/// <summary>A person's name in Latin letters: how door lists file it ("al-Khatib, Rana"), sort it and write it in order.</summary>
public sealed record LatinName(string Family, string? Given, LatinSource Source)
{
    /// <summary>Family name, comma, given name: the door list's line and the form the Latin name field takes.</summary>
    public string Filed => string.IsNullOrEmpty(Given) ? Family : $"{Family}, {Given}";

    public bool ToCheck => Source is LatinSource.Uncertain or LatinSource.Missing;

    /// <summary>
    /// Family then given name in plain ASCII, folded, an Arabic article aside: al-Khatib files under K, as English
    /// lists do, and Đặng, Łukaszewicz and Ødegaard under D, L and O. A name without a reading sorts by its own script.
    /// </summary>
    public string SortKey => Source == LatinSource.Missing
        ? Text.Fold($"{Family} {Given}")
        : Text.Fold(AnyAscii.Transliteration.Transliterate($"{WithoutArticle(Family)} {Given}"));

    /// <summary>The letter a list files the name under: A–Z, or "#" for a name that has no Latin reading yet.</summary>
    public string Initial => Source != LatinSource.Missing && SortKey.Length > 0 && char.IsAsciiLetter(SortKey[0]) ? char.ToUpperInvariant(SortKey[0]).ToString() : "#";

    public string InOrder(NameOrder order) => PersonName.Full(Given, Family, order);

    private static string WithoutArticle(string family)
    {
        foreach (var article in (string[])["al-", "el-", "Al-", "El-", "al ", "Al ", "el ", "El "])
        {
            if (family.StartsWith(article, StringComparison.Ordinal) && family.Length > article.Length)
            {
                return family[article.Length..];
            }
        }
        return family;
    }
}

/// <summary>
/// A person's name in Latin letters: the one recorded for them first, else the name itself when it is in Latin
/// letters, else a transliteration by the standard for its script (see <see cref="Pinyin"/>, <see cref="Hangul"/>,
/// <see cref="Kana"/>, <see cref="Arabic"/>; other scripts letter by letter), saying how sure it is.
/// </summary>
public static class Romanization
{
    public static LatinName Of(Contact c) => Of(c.FirstName, c.LastName, c.LatinName, c.Language, c.Organization?.Country);

    /// <param name="country">The country the person's organization is of, where known: a Maghreb name spells otherwise.</param>
    public static LatinName Of(string? first, string? last, string? recorded, string? language, string? country = null)
    {
        if (Recorded(recorded) is { } own)
        {
            return own;
        }
        var reading = new Reading(Scripts.OfName(Normalize(first), Normalize(last)), language, country);
        var family = Part(last ?? "", isFamily: true, reading);
        var given = string.IsNullOrWhiteSpace(first) ? (Text: (string?)null, Source: LatinSource.AsWritten) : Part(first, isFamily: false, reading);
        var source = new[] { family.Source, given.Source }.Max();
        return source == LatinSource.Missing || string.IsNullOrWhiteSpace(family.Text)
            ? new LatinName(last ?? "", Text.Clean(first), LatinSource.Missing)
            : new LatinName(family.Text, Text.Clean(given.Text), source);
    }

    /// <summary>A Latin name as a person writes it: "Family, Given" (or the family name alone); null when there is no family name in it.</summary>
    private static LatinName? Recorded(string? recorded)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return null;
        }
        var comma = recorded.IndexOf(',', StringComparison.Ordinal);
        var family = Text.Clean(comma < 0 ? recorded : recorded[..comma]);
        return family is null ? null : new LatinName(family, comma < 0 ? null : Text.Clean(recorded[(comma + 1)..]), LatinSource.Recorded);
    }

    /// <summary>What is wrong with a Latin name as entered, for the form and the import; null when nothing.</summary>
    public static string? Problem(string? recorded) =>
        string.IsNullOrWhiteSpace(recorded) ? null
        : Recorded(recorded) is null ? "needs the family name before the comma, e.g. al-Khatib, Rana"
        : Scripts.OfName(recorded) is not (Script.Latin or Script.None) ? "must be in Latin letters (A–Z, with accents if any), e.g. Liu, Min"
        : null;

    /// <summary>How sure a reading of the name's script can be, from the language the person is written to in.</summary>
    private readonly record struct Reading(Script Script, string? Language, string? Country = null)
    {
        private string Primary => ContactRules.PrimaryLanguage(Language);

        /// <summary>Kana, or Han for a Japanese speaker: kanji have no reading by rule.</summary>
        public bool Japanese => Script == Script.Kana || Primary == "ja";

        /// <summary>
        /// Pinyin is the reading of mainland Chinese names. Taiwan, Hong Kong and Macao write theirs otherwise
        /// (Tsai Ing-wen), and a Han name written to in another language may be Japanese or Korean: a guess.
        /// </summary>
        public bool SurePinyin => Primary is "" or "zh" && !(Language ?? "").Split('-', '_').Skip(1)
            .Any(s => s.ToUpperInvariant() is "TW" or "HK" or "MO" or "HANT");

        /// <summary>Persian, Urdu, Pashto and Kurdish names spell otherwise than Arabic ones (Hossein, not Hussein).</summary>
        public bool ArabicSpelling => Primary is not ("fa" or "ur" or "ps" or "ku" or "ckb") && !Maghreb;

        /// <summary>
        /// Morocco, Algeria, Tunisia, Mauritania and Libya write their names in French-based spellings (Leïla Ben Ali,
        /// not Layla bin Ali): a reading by the Arabic rule would be wrong without saying so, so it is a guess to check.
        /// </summary>
        private bool Maghreb =>
            (Language ?? "").Split('-', '_').Skip(1).Any(s => s.ToUpperInvariant() is "MA" or "DZ" or "TN" or "MR" or "LY")
            || Text.Fold(Country) is "morocco" or "maroc" or "algeria" or "algerie" or "tunisia" or "tunisie" or "mauritania" or "mauritanie" or "libya" or "libye"
                or "المغرب" or "الجزائر" or "تونس" or "موريتانيا" or "ليبيا";
    }

    private static (string? Text, LatinSource Source) Part(string written, bool isFamily, Reading reading)
    {
        // A name in Latin letters stays as written; a reading is made from its letters alone.
        var part = Normalize(written)!.Trim();
        if (Scripts.OfName(part) is Script.None or Script.Latin)
        {
            return (written.Trim(), LatinSource.AsWritten);
        }
        var hasHan = part.EnumerateRunes().Any(r => Scripts.Of(r.Value) == Script.Han);
        return Scripts.OfName(part) switch
        {
            Script.Han when reading.Japanese => (null, LatinSource.Missing),
            Script.Han => (isFamily ? Pinyin.FamilyName(part) : Pinyin.GivenName(part), reading.SurePinyin ? LatinSource.Machine : LatinSource.Uncertain),
            Script.Kana when hasHan => (null, LatinSource.Missing), // まさ子: the kanji has no reading by rule
            Script.Kana => (Kana.Romanize(part), LatinSource.Machine),
            Script.Hangul => (isFamily ? Hangul.FamilyName(part) : Hangul.GivenName(part), LatinSource.Machine),
            Script.Arabic => Arabic.Romanize(part) is var (latin, sure) ? (latin, sure && reading.ArabicSpelling ? LatinSource.Machine : LatinSource.Uncertain) : default,
            // Hebrew without vowels, Thai, Lao, Khmer, Burmese: letter by letter reads nothing like the name.
            Script.Unvoweled => (null, LatinSource.Missing),
            Script.Other when part.Any(c => c is >= '\u0400' and <= '\u04FF') && Cyrillic.Reads(part) => (Cyrillic.Romanize(part, reading.Language), LatinSource.Machine),
            _ => (LetterByLetter(part), LatinSource.Machine),
        };
    }

    // Full-width and half-width forms and decomposed Hangul as their usual forms (NFKC); symbols such as emoji left
    // out of the reading (the name as written keeps them).
    private static string? Normalize(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        foreach (var rune in Text.Fit(s).Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                || rune.Value is ' ' or '-' or '\'' or '.' or '·' or '・' or '\u0640')
            {
                sb.Append(rune.ToString());
            }
        }
        return sb.ToString();
    }

    // Cyrillic, Greek, Georgian and the rest: AnyAscii's reading, capitalized as names are (the soft sign's
    // apostrophe dropped, as passports drop it: Olga, not Ol'ga), Greek's ου, αυ and ευ as Greek passports write them.
    private static readonly (string, string)[] GreekPairs = [("ου", "ou"), ("ού", "ou"), ("αυ", "av"), ("αύ", "av"), ("ευ", "ev"), ("εύ", "ev")];

    private static string LetterByLetter(string part)
    {
        foreach (var (greek, latinPair) in GreekPairs)
        {
            part = part.Replace(greek, latinPair, StringComparison.OrdinalIgnoreCase);
        }
        var latin = AnyAscii.Transliteration.Transliterate(part).Replace("'", "", StringComparison.Ordinal);
        var chars = latin.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return new string(chars);
    }
}
