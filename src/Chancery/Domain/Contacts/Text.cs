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
        var decomposed = s.Trim().Replace("\0", "", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
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
    /// <remarks>A NUL goes too (PostgreSQL can neither store nor compare it); the services refuse one in what is saved before cleaning.</remarks>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Contains('\0', StringComparison.Ordinal) ? Clean(s.Replace("\0", "", StringComparison.Ordinal)) : s.Trim();
}
