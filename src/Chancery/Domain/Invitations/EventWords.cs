using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Names;
using Chancery.Domain.Events;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Invitations;

/// <summary>
/// Who speaks on an event's cards: its hosts from the directory (none: the mission's office), the office's name and
/// the language it is written in, and the event's first language, in which its own fields are written.
/// </summary>
public sealed record EventVoice(IReadOnlyList<Contact> Hosts, string? OfficeName, string OfficeLanguage, string BaseLanguage)
{
    /// <summary>An event read alone (a unit test, a preview without its mission): the office unnamed, English throughout.</summary>
    public static readonly EventVoice Unnamed = new([], null, InvitationLanguages.Fallback, InvitationLanguages.Fallback);

    /// <summary>The event's hosts as the directory has them now, in the event's order; a host since erased or removed is left out.</summary>
    public static async Task<EventVoice> OfAsync(ChanceryDb db, Event e, Mission mission, CancellationToken ct = default)
    {
        var ids = e.HostIds;
        var people = ids.Count == 0 ? []
            : await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id) && c.MissionId == e.MissionId && c.ErasedAt == null).ToListAsync(ct);
        var hosts = ids.Select(id => people.Find(p => p.Id == id)).OfType<Contact>().ToList();
        var officeLanguage = string.IsNullOrWhiteSpace(mission.Language) ? InvitationLanguages.Fallback : mission.Language!;
        return new EventVoice(hosts, mission.Name, officeLanguage, InvitationLanguages.Of(e, mission)[0]);
    }
}

/// <summary>The event's words in one language, ready for a card, a calendar entry or a page, and what the office has yet to write.</summary>
public sealed record LocalWords(string Language, string Title, string Hosts, string Occasion, string Venue, string? Dress, HostGrammar Grammar, IReadOnlyList<string> Missing);

/// <summary>
/// The one place that decides which words an event says in a language (docs/wording.md): the
/// office's own for that language (<see cref="InvitationText"/>), else words made for it (the hosts' names, the
/// occasion from the kind of event, a dress code the table knows), else the event's own fields, which are in its first
/// language: those are named in <see cref="LocalWords.Missing"/>, for the Invitations page to list before anything is sent.
/// </summary>
public static class EventWords
{
    public const string TitleField = "title";
    public const string HostsField = "who invites";
    public const string OccasionField = "occasion";
    public const string VenueField = "venue";
    public const string DressField = "dress code";

    public static LocalWords For(Event e, EventVoice voice, InvitationText? own, string language)
    {
        var texts = InvitationTexts.For(language);
        var primary = InvitationLanguages.Primary(language);
        var isBase = primary == InvitationLanguages.Primary(voice.BaseLanguage);
        var missing = new List<string>();
        string Own(string? value, string fallback, string field)
        {
            if (Text.Clean(value) is { } v)
            {
                return v;
            }
            if (!isBase)
            {
                missing.Add(field);
            }
            return fallback;
        }

        var title = Own(own?.Title, e.Title, TitleField);
        var venue = Own(own?.Venue, string.Join(", ", new[] { e.Venue, e.Address }.Where(s => !string.IsNullOrWhiteSpace(s))), VenueField);
        var occasion = Text.Clean(own?.Occasion) ?? texts.Occasions?.GetValueOrDefault(e.Kind) ?? Own(null, e.Title, OccasionField);
        string? dress = null;
        if (e.DressCode is { } code)
        {
            // In its first language the dress code is as the office wrote it ("Lounge suit" stays, though the table reads it as a dark suit).
            dress = Text.Clean(own?.DressCode) ?? (isBase ? code : null) ?? DressCodes.In(code, language) ?? Own(null, code, DressField);
        }
        var words = Text.Clean(own?.Hosts) ?? (isBase ? Text.Clean(e.Hosts) : null);
        var hosts = words ?? MadeHosts(voice, language, isBase, missing);
        // The people chosen decide the grammar, whoever's words name them; words alone are read for their number.
        var grammar = voice.Hosts.Count > 0 ? HostGrammar.Of(voice.Hosts) : words is not null ? HostGrammar.OfWords(words, language) : HostGrammar.OfOffice(voice.OfficeName);
        return new LocalWords(language, title, hosts, occasion, venue, dress, grammar, missing);
    }

    /// <summary>
    /// Who invites, made from the hosts: each by name, never styled (no "H.E." for oneself on one's own card), with
    /// their position where it is written in this language; or the mission's office by its name.
    /// </summary>
    private static string MadeHosts(EventVoice voice, string language, bool isBase, List<string> missing)
    {
        if (voice.Hosts.Count == 0)
        {
            var office = voice.OfficeName ?? "";
            if (InvitationLanguages.Primary(language) != InvitationLanguages.Primary(voice.OfficeLanguage) && office.Length > 0)
            {
                missing.Add(HostsField);
            }
            return WithArticle(office, language);
        }
        if (!isBase)
        {
            // A position is written in the first language, and a name perhaps in another script: the office writes them here.
            missing.Add(HostsField);
        }
        var primary = InvitationLanguages.Primary(language);
        // An apposition is closed by a comma before the verb: "Sevinj Abbasova, Ambassador of Azerbaijan, requests".
        var comma = primary == "ar" ? "،" : ",";
        var names = voice.Hosts.Select(h =>
        {
            var name = NameFor(h, language);
            return !isBase || h.Position is not { } position ? name : primary == "zh" ? position + name : $"{name}{comma} {position}{comma}";
        }).ToList();
        if (names.Count < 2 || !names.Any(n => n.EndsWith(comma, StringComparison.Ordinal)))
        {
            return Join(names, language);
        }
        // Appositions closed by commas: "A, Ambassador, and B, Attaché, request" (no comma doubled, none left open).
        var firsts = names.Take(names.Count - 1).Select(n => n.EndsWith(comma, StringComparison.Ordinal) ? n : n + comma);
        var and = primary == "ar" ? " و" : $" {InvitationTexts.For(language).And} ";
        return string.Join(" ", firsts) + and + names[^1];
    }

    /// <summary>
    /// An office's name as the subject of the card's sentence, with the article its language puts before it: "The
    /// Embassy of Finland", « L'Ambassade de Finlande », « Le Consulat général », "La Embajada de …", "El Consulado …".
    /// A name that has its article already is left as written.
    /// </summary>
    public static string WithArticle(string office, string language)
    {
        if (office.Length == 0)
        {
            return office;
        }
        var primary = InvitationLanguages.Primary(language);
        foreach (var (word, article) in Articles.GetValueOrDefault(primary, []))
        {
            if (office.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return article + office;
            }
        }
        return office;
    }

    private static readonly Dictionary<string, (string Word, string Article)[]> Articles = new(StringComparer.Ordinal)
    {
        ["en"] = [("Embassy", "The "), ("Consulate", "The "), ("High Commission", "The "), ("Permanent Mission", "The "), ("Mission", "The "), ("Delegation", "The "), ("Ministry", "The "), ("Office", "The ")],
        ["fr"] = [("Ambassade", "L'"), ("Consulat", "Le "), ("Haut-Commissariat", "Le "), ("Mission", "La "), ("Délégation", "La "), ("Représentation", "La "), ("Bureau", "Le "), ("Ministère", "Le ")],
        ["es"] = [("Embajada", "La "), ("Consulado", "El "), ("Alto Comisionado", "El "), ("Misión", "La "), ("Delegación", "La "), ("Representación", "La "), ("Oficina", "La "), ("Ministerio", "El ")],
    };

    /// <summary>A person's name as a language writes it: in Latin letters for a Latin-script language where a sure reading is known.</summary>
    public static string NameFor(Contact c, string language)
    {
        if (LatinScript(language) && c.LatinLine is { } latin)
        {
            return latin;
        }
        return c.FullName;
    }

    /// <summary>Whether the language is written in Latin letters: of the shipped ones, all but Russian, Chinese and Arabic.</summary>
    public static bool LatinScript(string language) =>
        InvitationLanguages.Primary(language) is not ("ru" or "zh" or "ar" or "ja" or "ko" or "uk" or "be" or "bg" or "sr" or "mk" or "kk" or "ky" or "mn" or "tg"
            or "el" or "he" or "fa" or "ur" or "hi" or "th" or "ka" or "hy" or "am");

    /// <summary>Names joined as the language joins them: "A and B", "A, B and C", "A وB", "A和B".</summary>
    public static string Join(IReadOnlyList<string> names, string language)
    {
        if (names.Count <= 1)
        {
            return names.Count == 1 ? names[0] : "";
        }
        var primary = InvitationLanguages.Primary(language);
        if (primary == "zh")
        {
            return string.Join("、", names.Take(names.Count - 1)) + "和" + names[^1];
        }
        if (primary == "ar")
        {
            // The conjunction و is written joined to the word it comes before.
            return names[0] + string.Concat(names.Skip(1).Select(n => " و" + n));
        }
        var and = InvitationTexts.For(language).And;
        return string.Join(", ", names.Take(names.Count - 1)) + $" {and} " + names[^1];
    }

    /// <summary>Programme items with no title in the language (each item's own title is its first language's).</summary>
    public static IReadOnlyList<ProgrammeItem> UntitledIn(IEnumerable<ProgrammeItem> items, string language, string baseLanguage) =>
        InvitationLanguages.Primary(language) == InvitationLanguages.Primary(baseLanguage) ? []
            : [.. items.Where(p => !p.Titles.Keys.Any(k => string.Equals(k, language, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>A programme item's title in the language: its own for it, else its first language's.</summary>
    public static string TitleIn(ProgrammeItem item, string language) =>
        item.Titles.FirstOrDefault(kv => string.Equals(kv.Key, language, StringComparison.OrdinalIgnoreCase)).Value
        ?? item.Titles.FirstOrDefault(kv => InvitationLanguages.Primary(kv.Key) == InvitationLanguages.Primary(language)).Value
        ?? item.Title;
}
