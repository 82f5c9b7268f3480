using System.ComponentModel.DataAnnotations;

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

    /// <summary>Folded family then given name, an Arabic article aside: al-Khatib files under K, as English lists do.</summary>
    public string SortKey => Text.Fold($"{WithoutArticle(Family)} {Given}");

    /// <summary>The letter a list files the name under: A–Z, or "#" for a name that has no Latin reading yet.</summary>
    public string Initial => SortKey.Length > 0 && char.IsAsciiLetter(SortKey[0]) ? char.ToUpperInvariant(SortKey[0]).ToString() : "#";

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
    public static LatinName Of(Contact c) => Of(c.FirstName, c.LastName, c.LatinName, c.Language);

    public static LatinName Of(string? first, string? last, string? recorded, string? language)
    {
        if (!string.IsNullOrWhiteSpace(recorded))
        {
            var comma = recorded.IndexOf(',', StringComparison.Ordinal);
            return comma < 0
                ? new LatinName(recorded.Trim(), null, LatinSource.Recorded)
                : new LatinName(recorded[..comma].Trim(), Text.Clean(recorded[(comma + 1)..]), LatinSource.Recorded);
        }
        var script = Scripts.OfName(first, last);
        var japanese = script == Script.Kana || (script == Script.Han && language?.Split('-', '_')[0].Equals("ja", StringComparison.OrdinalIgnoreCase) == true);
        var family = Part(last ?? "", isFamily: true, japanese);
        var given = string.IsNullOrWhiteSpace(first) ? (Text: (string?)null, Source: LatinSource.AsWritten) : Part(first, isFamily: false, japanese);
        var source = new[] { family.Source, given.Source }.Max();
        return source == LatinSource.Missing
            ? new LatinName(last ?? "", Text.Clean(first), source)
            : new LatinName(family.Text ?? "", given.Text, source);
    }

    private static (string? Text, LatinSource Source) Part(string part, bool isFamily, bool japanese)
    {
        part = part.Trim();
        return Scripts.OfName(part) switch
        {
            Script.None or Script.Latin => (part, LatinSource.AsWritten),
            Script.Han when japanese => (null, LatinSource.Missing),
            Script.Han => (isFamily ? Pinyin.FamilyName(part) : Pinyin.GivenName(part), LatinSource.Machine),
            Script.Kana => (Kana.Romanize(part), LatinSource.Machine),
            Script.Hangul => (isFamily ? Hangul.FamilyName(part) : Hangul.GivenName(part), LatinSource.Machine),
            Script.Arabic => Arabic.Romanize(part) is var (latin, sure) ? (latin, sure ? LatinSource.Machine : LatinSource.Uncertain) : default,
            Script.Unvoweled => (LetterByLetter(part), LatinSource.Uncertain),
            _ => (LetterByLetter(part), LatinSource.Machine),
        };
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
