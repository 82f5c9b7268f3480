namespace Chancery.Domain.Contacts.Names;

/// <summary>
/// Korean names in Revised Romanization (2000), as the Korean government's rules for personal names write them:
/// each syllable alone, given-name syllables joined by a hyphen ("Ji-eun"), and the family name in the spelling
/// families use in passports ("Kim", "Lee", "Park"), which the rules allow.
/// </summary>
public static class Hangul
{
    private static readonly string[] Initials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    private static readonly string[] Medials = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
    // A final consonant as it sounds at the end of a syllable: ㄱ and ㅋ as k, ㅅ ㅈ ㅊ ㅌ ㅎ as t.
    private static readonly string[] Finals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    private static readonly Dictionary<string, string> Surnames = new()
    {
        ["김"] = "Kim",
        ["이"] = "Lee",
        ["리"] = "Lee",
        ["박"] = "Park",
        ["최"] = "Choi",
        ["정"] = "Jung",
        ["강"] = "Kang",
        ["조"] = "Cho",
        ["윤"] = "Yoon",
        ["장"] = "Jang",
        ["임"] = "Lim",
        ["림"] = "Lim",
        ["한"] = "Han",
        ["오"] = "Oh",
        ["서"] = "Seo",
        ["신"] = "Shin",
        ["권"] = "Kwon",
        ["황"] = "Hwang",
        ["안"] = "Ahn",
        ["송"] = "Song",
        ["류"] = "Ryu",
        ["유"] = "Yoo",
        ["전"] = "Jeon",
        ["홍"] = "Hong",
        ["고"] = "Ko",
        ["문"] = "Moon",
        ["양"] = "Yang",
        ["손"] = "Son",
        ["배"] = "Bae",
        ["백"] = "Baek",
        ["허"] = "Heo",
        ["남"] = "Nam",
        ["심"] = "Shim",
        ["노"] = "Noh",
        ["하"] = "Ha",
        ["곽"] = "Kwak",
        ["성"] = "Sung",
        ["차"] = "Cha",
        ["주"] = "Joo",
        ["우"] = "Woo",
        ["구"] = "Koo",
        ["민"] = "Min",
        ["나"] = "Na",
        ["진"] = "Jin",
        ["지"] = "Ji",
        ["엄"] = "Eom",
        ["채"] = "Chae",
        ["원"] = "Won",
        ["천"] = "Cheon",
        ["방"] = "Bang",
        ["공"] = "Kong",
        ["현"] = "Hyun",
        ["함"] = "Ham",
        ["변"] = "Byun",
        ["염"] = "Yeom",
        ["여"] = "Yeo",
        ["추"] = "Choo",
        ["도"] = "Do",
        ["소"] = "So",
        ["석"] = "Seok",
        ["선"] = "Sun",
        ["설"] = "Seol",
        ["마"] = "Ma",
        ["길"] = "Gil",
        ["연"] = "Yeon",
        ["표"] = "Pyo",
        ["명"] = "Myung",
        ["기"] = "Ki",
        ["반"] = "Ban",
        ["왕"] = "Wang",
        ["금"] = "Keum",
        ["옥"] = "Ok",
        ["육"] = "Yook",
        ["인"] = "In",
        ["맹"] = "Maeng",
        ["제"] = "Je",
        ["모"] = "Mo",
        ["탁"] = "Tak",
        ["국"] = "Kook",
        ["은"] = "Eun",
        ["편"] = "Pyun",
        ["용"] = "Yong",
        ["봉"] = "Bong",
        ["경"] = "Kyung",
        ["남궁"] = "Namgoong",
        ["선우"] = "Sunwoo",
        ["제갈"] = "Jegal",
        ["황보"] = "Hwangbo",
        ["독고"] = "Dokgo",
    };

    public static string FamilyName(string hangul) =>
        Surnames.TryGetValue(hangul, out var customary) ? customary : Capitalized(string.Concat(Syllables(hangul)));

    /// <summary>"지은" → "Ji-eun"; each word of a name with spaces alike.</summary>
    public static string GivenName(string hangul) =>
        string.Join(" ", hangul.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Capitalized(string.Join("-", Syllables(w)))));

    private static IEnumerable<string> Syllables(string word)
    {
        foreach (var ch in word)
        {
            if (ch is >= '\uAC00' and <= '\uD7A3')
            {
                var index = ch - 0xAC00;
                yield return Initials[index / 588] + Medials[index % 588 / 28] + Finals[index % 28];
            }
            else if (char.IsLetter(ch))
            {
                yield return AnyAscii.Transliteration.Transliterate(ch.ToString()).ToLowerInvariant();
            }
        }
    }

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
