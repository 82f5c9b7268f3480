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
        var decomposed = s.Trim().Normalize(NormalizationForm.FormD);
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

    /// <summary>Trims; empty becomes null.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
