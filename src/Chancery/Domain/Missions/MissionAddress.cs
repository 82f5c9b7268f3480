using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chancery.Domain.Missions;

/// <summary>The rules for a mission's public address: its slug (<c>/m/{slug}</c>) and optional host name.</summary>
public static partial class MissionAddress
{
    public const int MaxSlugLength = 60;

    /// <summary>Paths the app uses itself; a slug may not shadow them in a guest's eyes.</summary>
    private static readonly HashSet<string> Reserved = ["api", "staff", "account", "health", "m", "lib", "css", "js", "openapi", "scalar", "error"];

    /// <summary>A slug suggested from a name: accents dropped, other scripts left out, "mission" when nothing Latin remains.</summary>
    public static string SuggestSlug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in Contacts.Text.Fit(name).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = Hyphens().Replace(text.ToString(), "-").Trim('-');
        if (slug.Length > MaxSlugLength - 4)
        {
            slug = slug[..(MaxSlugLength - 4)].TrimEnd('-');
        }
        return slug.Length == 0 || Reserved.Contains(slug) ? "mission" : slug;
    }

    /// <summary>Null when <paramref name="slug"/> is acceptable, else what is wrong with it.</summary>
    public static string? CheckSlug(string slug)
    {
        if (slug.Length is 0 or > MaxSlugLength || !SlugPattern().IsMatch(slug))
        {
            return $"A public address is 1 to {MaxSlugLength} lower-case letters a–z, digits and single hyphens, such as embassy-beijing.";
        }
        return Reserved.Contains(slug) ? $"'{slug}' is used by Chancery itself; choose another." : null;
    }

    /// <summary>The host name normalised (lower case, no port), or null for none; throws nothing, see <see cref="CheckHostName"/>.</summary>
    public static string? CleanHostName(string? host) =>
        string.IsNullOrWhiteSpace(host) ? null : host.Trim().TrimEnd('.').ToLowerInvariant();

    public static string? CheckHostName(string host) =>
        host.Length <= 253 && Uri.CheckHostName(host) == UriHostNameType.Dns && host.Contains('.', StringComparison.Ordinal)
            ? null
            : $"'{host}' is not a host name such as events.embassy.example.";

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
