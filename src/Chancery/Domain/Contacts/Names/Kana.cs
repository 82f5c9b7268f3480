using System.Text;

namespace Chancery.Domain.Contacts.Names;

/// <summary>
/// Japanese kana in Hepburn as Japanese passports write it: no long-vowel marks ("Taro", "Ono", but "Inoue"), ん as
/// m before b, m and p ("Homma"), っ doubling the next consonant ("Hattori", "Hotchi"). Kanji cannot be read
/// by rule (山田 may be Yamada or Sanda), so a name in kanji gets no machine reading: a person records it.
/// </summary>
public static class Kana
{
    private static readonly Dictionary<char, string> Syllables = Build();

    private static Dictionary<char, string> Build()
    {
        const string hiragana = "あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわゐゑをんゔ";
        string[] romaji =
        [
            "a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "ga", "gi", "gu", "ge", "go", "sa", "shi", "su", "se", "so", "za", "ji", "zu", "ze", "zo",
            "ta", "chi", "tsu", "te", "to", "da", "ji", "zu", "de", "do", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ba", "bi", "bu", "be", "bo",
            "pa", "pi", "pu", "pe", "po", "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "i", "e", "o", "n", "vu",
        ];
        var map = new Dictionary<char, string>();
        for (var i = 0; i < hiragana.Length; i++)
        {
            map[hiragana[i]] = romaji[i];
        }
        return map;
    }

    public static bool IsKana(char c) => c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or '\u30FC';

    /// <summary>"やまだ" → "Yamada", "ジョン" → "Jon"; each word capitalized.</summary>
    public static string Romanize(string kana) =>
        string.Join(" ", kana.Split([' ', '\u3000', '・', '･'], StringSplitOptions.RemoveEmptyEntries).Select(Word));

    private static string Word(string word)
    {
        var sb = new StringBuilder();
        var doubleNext = false;
        foreach (var raw in word)
        {
            var c = raw is >= '\u30A1' and <= '\u30F6' ? (char)(raw - 0x60) : raw; // katakana as hiragana
            switch (c)
            {
                case 'っ':
                    doubleNext = true;
                    continue;
                case 'ー':
                    continue; // the long-vowel mark: passports write no long vowels
                case 'ゃ' or 'ゅ' or 'ょ':
                    Contract(sb, "auo"["ゃゅょ".IndexOf(c, StringComparison.Ordinal)]);
                    continue;
                case 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ':
                    SmallVowel(sb, "aiueo"["ぁぃぅぇぉ".IndexOf(c, StringComparison.Ordinal)]);
                    continue;
            }
            if (!Syllables.TryGetValue(c, out var syllable))
            {
                sb.Append(AnyAscii.Transliteration.Transliterate(raw.ToString()).ToLowerInvariant());
                continue;
            }
            if (doubleNext)
            {
                sb.Append(syllable.StartsWith("ch", StringComparison.Ordinal) ? 't' : syllable[0]);
                doubleNext = false;
            }
            // Every other syllable ends in a vowel, so a written n here is ん.
            if (sb.Length > 0 && sb[^1] == 'n' && syllable[0] is 'b' or 'm' or 'p')
            {
                sb[^1] = 'm';
            }
            sb.Append(syllable);
        }
        var latin = LongVowels(sb.ToString());
        return latin.Length == 0 ? latin : char.ToUpperInvariant(latin[0]) + latin[1..];
    }

    /// <summary>きゃ → kya, しゃ → sha, ちゅ → chu, じょ → jo.</summary>
    private static void Contract(StringBuilder sb, char vowel)
    {
        if (sb.Length >= 2 && sb[^1] == 'i')
        {
            sb.Length--;
            var s = sb.ToString();
            if (!s.EndsWith("sh", StringComparison.Ordinal) && !s.EndsWith("ch", StringComparison.Ordinal) && !s.EndsWith('j'))
            {
                sb.Append('y');
            }
            sb.Append(vowel);
        }
        else
        {
            sb.Append('y').Append(vowel);
        }
    }

    /// <summary>ティ → ti, ファ → fa, ウィ → wi, シェ → she: the small vowel takes the place of the syllable's own.</summary>
    private static void SmallVowel(StringBuilder sb, char vowel)
    {
        if (sb.Length > 0 && "aiueo".Contains(sb[^1], StringComparison.Ordinal))
        {
            var own = sb[^1];
            sb.Length--;
            if (sb.Length == 0 || "aiueo".Contains(sb[^1], StringComparison.Ordinal))
            {
                sb.Append(own == 'i' ? 'y' : 'w'); // イェ → ye, ウィ → wi
            }
        }
        sb.Append(vowel);
    }

    // おう, おお and うう are one long vowel (Satou → Sato, Oono → Ono, Kouichi → Koichi) unless a vowel other than i
    // follows, where the u most often starts a new part of the name: Inoue stays.
    private static string LongVowels(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            sb.Append(s[i]);
            var pair = i + 1 < s.Length && ((s[i] == 'o' && s[i + 1] is 'u' or 'o') || (s[i] == 'u' && s[i + 1] == 'u'));
            var vowelAfter = i + 2 < s.Length && "aueo".Contains(s[i + 2], StringComparison.Ordinal);
            if (pair && !vowelAfter)
            {
                i++;
            }
        }
        return sb.ToString();
    }
}
