using System.Text.RegularExpressions;
using Chancery.Domain.Missions;

namespace Chancery.Domain.News;

/// <summary>The limits of a news item and how its public address is made.</summary>
public static partial class NewsRules
{
    public const int TitleLength = 300;
    public const int BodyLength = 100_000;
    public const int SlugLength = 80;
    public const int ReasonLength = 2000;
    public const int TemplateLength = 20_000;

    /// <summary>
    /// A readable address from the title in any script ("Khojaly: 32 years" → khojaly-32-years, "纪念活动" → ji-nian-huo-dong),
    /// "news" when nothing is left.
    /// </summary>
    public static string SlugFrom(string title)
    {
        var latin = AnyAscii.Transliteration.Transliterate(title);
        var slug = MissionAddress.SuggestSlug(latin);
        if (slug == "mission")
        {
            slug = "news";
        }
        return slug.Length > SlugLength - 8 ? slug[..(SlugLength - 8)].TrimEnd('-') : slug;
    }

    /// <summary>A wall-clock time on the mission's clock as an instant; a time the clock skips (a spring-forward hour) is refused.</summary>
    public static DateTimeOffset OnMissionClock(DateTime local, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            throw new DomainException($"{wall:yyyy-MM-dd HH:mm} does not exist in {timeZone}: the clocks go forward then. Choose another time.", "PublishAt");
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, zone));
    }

    /// <summary>
    /// Whether a programme item is the evening's logistics (the guests' arrival, registration, the end) rather than
    /// something that happened: a news item tells what happened, so it leaves these out. Read from the item's titles
    /// in the shipped languages; an item with a speaker is never logistics.
    /// </summary>
    public static bool IsLogistics(Events.ProgrammeItem item) =>
        item.SpeakerContactId is null && string.IsNullOrWhiteSpace(item.Speaker)
        && new[] { item.Title }.Concat(item.Titles.Values).Any(t => LogisticsWords.Any(w => Contacts.Text.Fold(t).Contains(w, StringComparison.Ordinal)));

    private static readonly string[] LogisticsWords = [.. new[]
    {
        "arrival of guests", "guests arrive", "registration", "welcome drinks", "end of the event", "departure of guests", "doors open",
        "arrivée des invités", "accueil des invités", "enregistrement", "fin de la réception", "départ des invités",
        "llegada de los invitados", "registro de invitados", "fin del acto",
        "прибытие гостей", "регистрация гостей", "окончание",
        "来宾抵达", "嘉宾到场", "签到", "活动结束",
        "وصول الضيوف", "تسجيل الضيوف", "نهاية الحفل",
    }.Select(w => Contacts.Text.Fold(w))];

    public static bool IsSlug(string slug) => slug.Length <= SlugLength && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
