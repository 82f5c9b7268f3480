using System.Text;

namespace Chancery.Domain.Contacts.Names;

/// <summary>The writing systems whose names Chancery orders and romanizes by their own rules.</summary>
public enum Script
{
    None,
    Latin,
    Han,
    Hangul,
    Kana,
    Arabic,
    /// <summary>Written without vowels (Hebrew) or with vowels a machine places badly (Thai, Lao, Khmer, Burmese).</summary>
    Unvoweled,
    /// <summary>Cyrillic, Greek, Georgian, Armenian, Devanagari and the rest: a letter-by-letter transliteration reads well.</summary>
    Other,
}

public static class Scripts
{
    public static Script Of(int codePoint) => codePoint switch
    {
        <= 0x024F or (>= 0x0250 and <= 0x02AF) or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xFF21 and <= 0xFF5A) => Script.Latin,
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF) or 0x3005 => Script.Han,
        (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) => Script.Hangul,
        (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F) => Script.Kana,
        (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) => Script.Arabic,
        (>= 0x0590 and <= 0x05FF) or (>= 0x0E00 and <= 0x0EFF) or (>= 0x1000 and <= 0x109F) or (>= 0x1780 and <= 0x17FF) => Script.Unvoweled,
        _ => Script.Other,
    };

    /// <summary>
    /// The script a name is written in: the first one other than Latin among its letters (a Chinese name with a
    /// Latin initial is still Chinese; Japanese kana anywhere make Han characters Japanese), Latin when all are.
    /// </summary>
    public static Script OfName(params string?[] parts)
    {
        var found = Script.None;
        foreach (var part in parts)
        {
            foreach (var rune in (part ?? "").EnumerateRunes())
            {
                if (!Rune.IsLetter(rune))
                {
                    continue;
                }
                var script = Of(rune.Value);
                if (script == Script.Kana || (found is Script.None or Script.Latin))
                {
                    found = script;
                }
            }
        }
        return found;
    }

    /// <summary>Names in these scripts are written without a space between family and given name: 刘敏, 김지은, 山田太郎.</summary>
    public static bool WrittenSolid(Script script) => script is Script.Han or Script.Hangul or Script.Kana;
}
