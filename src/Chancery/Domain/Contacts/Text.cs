using System.Globalization;
using System.Text;

namespace Chancery.Domain.Contacts;

public static class Text
{
    /// <summary>
    /// Lower case without accents or other combining marks: "José" and "jose" fold alike, and so do Arabic
    /// words with and without vowel marks. Scripts without case (Chinese, Georgian mkhedruli) pass through.
    /// </summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return "";
        }
        // A NUL can be neither stored nor searched for on PostgreSQL; in a search it matches nothing anyway.
        var decomposed = Fit(s.Trim()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never cutting a character outside the basic plane in two.</summary>
    public static string Truncate(string s, int max) =>
        s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];

    /// <summary>Trims; empty becomes null.</summary>
    /// <remarks>Characters no text may hold go too (<see cref="FirstUnfit"/>); the services refuse them in what is saved before cleaning.</remarks>
    public static string? Clean(string? s) => s is null || Fit(s) is var fit && string.IsNullOrWhiteSpace(fit) ? null : fit.Trim();

    /// <summary>
    /// Where <paramref name="s"/> holds a character no text here may hold, else -1: a C0 control other than tab and
    /// the newlines (PostgreSQL cannot store U+0000; XML, which feeds and spreadsheets are written in, none of them),
    /// a noncharacter (U+FFFE, U+FDD0…), or half of a surrogate pair (no encoding can write it). The one rule, decided
    /// here: the single-line fields' cleaning (<see cref="Clean"/>) drops them; every save refuses what is left,
    /// naming the field (<c>Data.FieldLengths</c>); every writer of XML drops them too (<see cref="Fit"/>).
    /// </summary>
    public static int FirstUnfit(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            switch (Unfit(s, i))
            {
                case 0:
                    break;
                case < 0:
                    i++; // a sound pair
                    break;
                default:
                    return i;
            }
        }
        return -1;
    }

    /// <summary><paramref name="s"/> without the characters <see cref="FirstUnfit"/> finds.</summary>
    public static string Fit(string s)
    {
        var first = FirstUnfit(s);
        if (first < 0)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length).Append(s, 0, first);
        for (var i = first; i < s.Length; i++)
        {
            switch (Unfit(s, i))
            {
                case 0:
                    sb.Append(s[i]);
                    break;
                case < 0:
                    sb.Append(s[i]).Append(s[++i]);
                    break;
                case var n:
                    i += n - 1;
                    break;
            }
        }
        return sb.ToString();
    }

    // 0: the character at i is fit; -1: it begins a sound surrogate pair; n > 0: the n units from i are unfit.
    private static int Unfit(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            return (char.ConvertToUtf32(c, s[i + 1]) & 0xFFFE) == 0xFFFE ? 2 : -1;
        }
        return (c < ' ' ? c is not ('\t' or '\n' or '\r') : char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF') ? 1 : 0;
    }

    /// <summary>The character at <paramref name="index"/> as a message names it: "a NUL character (U+0000)", "the control character U+0008".</summary>
    public static string Describe(string s, int index) => s[index] switch
    {
        '\0' => "a NUL character (U+0000)",
        < ' ' => $"the control character U+{(int)s[index]:X4}",
        _ when char.IsSurrogate(s[index]) && !(char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1])) => $"half of a character (U+{(int)s[index]:X4})",
        _ => $"the noncharacter U+{char.ConvertToUtf32(s, index):X4}",
    };
}
