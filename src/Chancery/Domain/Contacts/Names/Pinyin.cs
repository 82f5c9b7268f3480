using System.Text;

namespace Chancery.Domain.Contacts.Names;

/// <summary>
/// Chinese names in Hanyu Pinyin without tone marks, as Chinese passports write them: the family name one word
/// ("Liu", "Ouyang"), the given name's syllables joined ("Xiaoming"), an apostrophe where a syllable would run
/// into the next ("Xi'an"). Characters that are read differently as family names (单 Shan, not Dan) are read so.
/// </summary>
public static class Pinyin
{
    private static readonly Dictionary<char, string> SurnameReadings = new()
    {
        ['单'] = "shan",
        ['單'] = "shan",
        ['曾'] = "zeng",
        ['解'] = "xie",
        ['仇'] = "qiu",
        ['朴'] = "piao",
        ['区'] = "ou",
        ['區'] = "ou",
        ['查'] = "zha",
        ['覃'] = "qin",
        ['盖'] = "ge",
        ['蓋'] = "ge",
        ['乐'] = "yue",
        ['樂'] = "yue",
        ['尉'] = "yu",
        ['缪'] = "miao",
        ['繆'] = "miao",
        ['翟'] = "zhai",
        ['召'] = "shao",
        ['种'] = "chong",
        ['秘'] = "bi",
        ['员'] = "yun",
        ['員'] = "yun",
        ['藏'] = "zang",
        ['长'] = "zhang",
        ['長'] = "zhang",
        ['重'] = "chong",
        ['莘'] = "shen",
        ['沈'] = "shen",
        ['瞿'] = "qu",
        ['华'] = "hua",
        ['華'] = "hua",
        ['宿'] = "su",
        ['折'] = "she",
        ['祭'] = "zhai",
        ['任'] = "ren",
        ['纪'] = "ji",
        ['紀'] = "ji",
        // ü as passports write it (Lyu), apart from 卢 and 陆 (Lu)
        ['吕'] = "lyu",
        ['呂'] = "lyu",
        ['闾'] = "lyu",
    };

    public static string FamilyName(string han) => Join(han, surname: true);

    public static string GivenName(string han) => Join(han, surname: false);

    private static string Join(string han, bool surname)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        var first = true;
        foreach (var rune in han.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                Flush(); // 迈克尔·杰克逊: the dot between a foreign name's parts
                continue;
            }
            var c = rune.ToString();
            var syllable = surname && first && c.Length == 1 && SurnameReadings.TryGetValue(c[0], out var reading)
                ? reading
                : AnyAscii.Transliteration.Transliterate(c).ToLowerInvariant();
            if (sb.Length > 0 && syllable.Length > 0 && syllable[0] is 'a' or 'e' or 'o')
            {
                sb.Append('\'');
            }
            sb.Append(syllable);
            first = false;
        }
        Flush();
        return string.Join(" ", words);

        void Flush()
        {
            if (sb.Length > 0)
            {
                words.Add(char.ToUpperInvariant(sb[0]) + sb.ToString(1, sb.Length - 1));
                sb.Clear();
            }
        }
    }
}
