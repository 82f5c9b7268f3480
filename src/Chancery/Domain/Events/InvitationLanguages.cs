using Chancery.Domain.Missions;

namespace Chancery.Domain.Events;

/// <summary>The languages an event's invitations go out in, and which one each guest receives.</summary>
public static class InvitationLanguages
{
    public const string Fallback = "en";

    /// <summary>An event says at most this many; more is a slip (each language is a text to write and check).</summary>
    public const int Max = 12;

    /// <summary>The event's languages, the first the default: its own list, else the mission's language, else English.</summary>
    public static IReadOnlyList<string> Of(Event e, Mission? mission) =>
        e.Languages.Count > 0 ? e.Languages : [string.IsNullOrWhiteSpace(mission?.Language) ? Fallback : mission.Language!];

    /// <summary>
    /// The guest's own language when the event has it — the same tag, or the same language of another region
    /// (a contact in "fr-BE" gets the event's "fr", one in "zh" gets "zh-CN") — else the event's default.
    /// </summary>
    public static string For(string? contactLanguage, IReadOnlyList<string> eventLanguages)
    {
        if (!string.IsNullOrWhiteSpace(contactLanguage))
        {
            var exact = eventLanguages.FirstOrDefault(l => string.Equals(l, contactLanguage.Trim(), StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
            {
                return exact;
            }
            var primary = Primary(contactLanguage);
            var same = eventLanguages.FirstOrDefault(l => Primary(l) == primary);
            if (same is not null)
            {
                return same;
            }
        }
        return eventLanguages.Count > 0 ? eventLanguages[0] : Fallback;
    }

    public static string Primary(string tag) => Contacts.ContactRules.PrimaryLanguage(tag);

    /// <summary>Arabic, Hebrew, Persian, Urdu and the other right-to-left languages.</summary>
    public static bool RightToLeft(string tag) =>
        Primary(tag) is "ar" or "he" or "fa" or "ur" or "ps" or "ckb" or "dv" or "yi" or "sd" or "ug";
}
