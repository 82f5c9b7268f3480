namespace Chancery.Domain.Press;

/// <summary>The limits of an archived article.</summary>
public static class PressRules
{
    public const int ShortText = 300;
    public const int TitleLength = 500;
    public const int UrlLength = 2000;
    public const int SummaryLength = 4000;
    public const int TextCopyLength = 200_000;
    public const int SearchTextLength = 6000;
    public const int MaxTags = 30;

    /// <summary>A day as the archive writes it (2024-02-26); null when the text is not one.</summary>
    public static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    public static string NotADay(string text) => $"'{text}' is not a date such as 2024-02-26.";
}
