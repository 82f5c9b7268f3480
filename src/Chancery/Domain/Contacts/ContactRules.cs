using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Chancery.Domain.Contacts;

/// <summary>What a valid contact field looks like; used by the import, the edit form and the API alike.</summary>
public static partial class ContactRules
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('@', StringComparison.Ordinal)
        && !value.Contains(' ', StringComparison.Ordinal) && value.LastIndexOf('.') > value.IndexOf('@', StringComparison.Ordinal);

    public static bool IsLanguageTag(string value) => LanguageTag().IsMatch(value);

    public static bool TryParseDate(string value, out DateTime date) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads an enum name loosely: "Chargé d'Affaires a.i." does not match, "charge_d_affaires" does.</summary>
    /// <summary>A language tag's language alone, lower case: "zh-Hant-TW" → "zh"; empty for none.</summary>
    public static string PrimaryLanguage(string? tag) => string.IsNullOrWhiteSpace(tag) ? "" : tag.Trim().Split('-', '_')[0].ToLowerInvariant();

    public static T? ParseEnum<T>(string value) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Key(v.ToString()!) == Key(value));

    public static List<string> SplitTags(string value) =>
        [.. value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Yes or no as a spreadsheet writes it (yes/no, true/false, 1/0, y/n, x); null for anything else.</summary>
    public static bool? ParseYesNo(string value) => Key(value) switch
    {
        "yes" or "y" or "true" or "1" or "x" => true,
        "no" or "n" or "false" or "0" => false,
        _ => null,
    };

    public const int MaxTagLength = 100;
    public const int MaxTags = 50;

    /// <summary>What is wrong with a person's tags (too many, one too long), or null.</summary>
    public static string? TagsProblem(IReadOnlyCollection<string>? tags) =>
        tags is null ? null
        : tags.Count > MaxTags ? $"A person has at most {MaxTags} tags; these are {tags.Count}."
        : tags.FirstOrDefault(t => t.Trim().Length > MaxTagLength) is { } tag ? $"A tag is at most {MaxTagLength} characters; '{tag[..20]}…' has {tag.Trim().Length:N0}."
        : null;

    public static string Key(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    public const string EmailMessage = "is not an e-mail address";
    public const string LanguageMessage = "is not a language tag; use a BCP 47 tag such as en, zh, ar, fr or pt-BR";
    public const string DateMessage = "is not a date; write yyyy-MM-dd or yyyy-MM-ddTHH:mm, e.g. 2021-03-15 or 2021-03-15T10:30";
    public const string NameOrderMessage = "is not a name order; use GivenFirst or FamilyFirst, or leave it empty for the order the name's script and language give";
    public static readonly string ClassMessage = "is not a head-of-mission class; use Ambassador, Envoy, ChargeDAffaires or ChargeDAffairesAdInterim, or leave it empty for staff";
    public static readonly string TypeMessage = $"is not an organization type; use one of {string.Join(", ", Enum.GetNames<OrganizationType>())}";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
