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
}
