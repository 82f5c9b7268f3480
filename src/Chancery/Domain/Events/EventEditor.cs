using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Events;

/// <summary>
/// Creating, changing and copying events and their run of show, with the same checks for the staff pages and the API.
/// A refusal is a <see cref="DomainException"/> by field (the input's property name), so each caller puts the
/// messages where its user looks; nothing is saved then.
/// </summary>
public sealed class EventEditor(ChanceryDb db, TimeProvider clock)
{
    private const string EventErrors = "The event has errors; see each field.";
    private const string ItemErrors = "The programme item has errors; see each field.";

    public async Task<Event> CreateAsync(Guid missionId, EventInput input, CancellationToken ct = default)
    {
        var e = new Event { MissionId = missionId, Title = "", TimeZone = "UTC", Venue = "", CreatedAt = clock.GetUtcNow() };
        var errors = Apply(input, e);
        await CheckHostsAsync(e, input, errors, ct);
        DomainException.ThrowIfAny(errors, EventErrors);
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>Changes a tracked event; nothing is saved when any field is wrong.</summary>
    public async Task UpdateAsync(Event e, EventInput input, CancellationToken ct = default)
    {
        var errors = Apply(input, e);
        await CheckHostsAsync(e, input, errors, ct);
        if (errors.Count > 0)
        {
            await db.Entry(e).ReloadAsync(ct); // drop the half-applied fields
            throw new DomainException(errors, EventErrors);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Next year's edition of an event: same facts a year later (a national day falls on the same date), as a draft,
    /// with its run of show; with <paramref name="withGuests"/> the same people invited again, their answers cleared.
    /// </summary>
    public async Task<Event> CopyAsync(Event source, DateTime startsAtLocal, bool withGuests, CancellationToken ct = default)
    {
        var shift = startsAtLocal - source.StartsAtLocal;
        var (utc, _, error) = EventSchedule.ToUtc(startsAtLocal, source.TimeZone);
        if (error is not null)
        {
            throw new DomainException(error, "StartsAt");
        }
        var copy = new Event
        {
            MissionId = source.MissionId,
            // "National Day 2025" copied into 2026 becomes "National Day 2026".
            Title = source.StartsAtLocal.Year == startsAtLocal.Year ? source.Title
                : source.Title.Replace(source.StartsAtLocal.Year.ToString(CultureInfo.InvariantCulture), startsAtLocal.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            Kind = source.Kind,
            StartsAtLocal = startsAtLocal,
            TimeZone = source.TimeZone,
            StartsAtUtc = utc!.Value,
            Venue = source.Venue,
            Address = source.Address,
            Capacity = source.Capacity,
            DressCode = source.DressCode,
            RsvpByLocal = source.RsvpByLocal + shift,
            Hosts = source.Hosts,
            HostIds = [.. source.HostIds],
            Languages = [.. source.Languages],
            EndsAtLocal = source.EndsAtLocal + shift,
            RegretsOnly = source.RegretsOnly,
            Description = source.Description,
            Status = EventStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Events.Add(copy);
        var items = await db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == source.Id).OrderBy(p => p.SortOrder).ToListAsync(ct);
        db.ProgrammeItems.AddRange(items.Select(p => new ProgrammeItem
        {
            MissionId = copy.MissionId,
            EventId = copy.Id,
            StartsAtLocal = p.StartsAtLocal + shift,
            Title = p.Title,
            Titles = new(p.Titles),
            Speaker = p.Speaker,
            SpeakerContactId = p.SpeakerContactId,
            Place = p.Place,
            DurationMinutes = p.DurationMinutes,
            SortOrder = p.SortOrder,
        }));
        if (withGuests)
        {
            var guests = await db.Guests.AsNoTracking().Where(g => g.EventId == source.Id && g.Contact!.ErasedAt == null).ToListAsync(ct);
            db.Guests.AddRange(guests.Select(g => new Guest
            {
                MissionId = copy.MissionId,
                EventId = copy.Id,
                ContactId = g.ContactId,
                PlusOnes = g.PlusOnes,
                WithPartner = g.WithPartner,
                Note = g.Note,
                AddedAt = copy.CreatedAt,
            }));
        }
        await db.SaveChangesAsync(ct);
        return copy;
    }

    /// <summary>Copies the input onto the event; returns the errors by field.</summary>
    public static Dictionary<string, string[]> Apply(EventInput b, Event e)
    {
        var errors = new Dictionary<string, string[]>();
        if (Text.Clean(b.Title) is not { } title)
        {
            errors[nameof(b.Title)] = ["An event needs a title."];
        }
        else
        {
            e.Title = title;
        }
        if (ContactRules.ParseEnum<EventKind>(b.Kind ?? nameof(EventKind.Other)) is { } kind)
        {
            e.Kind = kind;
        }
        else
        {
            errors[nameof(b.Kind)] = [$"'{b.Kind}' is not a kind of event; use one of {string.Join(", ", Enum.GetNames<EventKind>())}."];
        }
        if (!EventSchedule.TryParseLocal(b.StartsAt, out var local))
        {
            errors[nameof(b.StartsAt)] = [$"'{b.StartsAt}' is not a local date and time; write it as the venue's clock shows it, e.g. 2024-02-26T15:00."];
        }
        else
        {
            var (utc, field, error) = EventSchedule.ToUtc(local, b.TimeZone);
            if (error is not null)
            {
                errors[field!] = [error];
            }
            else
            {
                e.StartsAtLocal = local;
                e.StartsAtUtc = utc!.Value;
                e.TimeZone = b.TimeZone!.Trim();
            }
        }
        if (Text.Clean(b.Venue) is not { } venue)
        {
            errors[nameof(b.Venue)] = ["Say where the event is."];
        }
        else
        {
            e.Venue = venue;
        }
        if (b.Capacity is < 1)
        {
            errors[nameof(b.Capacity)] = ["Capacity is the number of guests the venue takes: 1 or more, or leave it out."];
        }
        e.Capacity = b.Capacity;
        if (Text.Clean(b.RsvpBy) is not { } rsvpText)
        {
            e.RsvpByLocal = null;
        }
        else if (EventSchedule.TryParseLocal(rsvpText, out var rsvp))
        {
            // Answers are due before the guests come: a deadline after the start is a slip of the year or the month.
            if (EventSchedule.TryParseLocal(b.StartsAt, out var starts) && rsvp >= starts)
            {
                errors[nameof(b.RsvpBy)] = [$"Answers are due by {EventSchedule.Show(rsvp)}, which is not before the event ({EventSchedule.Show(starts)}); choose a date before it."];
            }
            e.RsvpByLocal = rsvp;
        }
        else
        {
            errors[nameof(b.RsvpBy)] = [$"'{rsvpText}' is not a date; write e.g. 2024-02-20 or 2024-02-20T18:00."];
        }
        if (b.Status is not null)
        {
            if (ContactRules.ParseEnum<EventStatus>(b.Status) is { } status)
            {
                e.Status = status;
            }
            else
            {
                errors[nameof(b.Status)] = [$"'{b.Status}' is not a status; use one of {string.Join(", ", Enum.GetNames<EventStatus>())}."];
            }
        }
        if (b.Languages is { } languages)
        {
            var tags = languages.Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (tags.FirstOrDefault(t => !ContactRules.IsLanguageTag(t)) is { } bad)
            {
                errors[nameof(b.Languages)] = [$"'{bad}' {ContactRules.LanguageMessage}"];
            }
            else if (tags.Count > InvitationLanguages.Max)
            {
                errors[nameof(b.Languages)] = [$"At most {InvitationLanguages.Max} languages; this names {tags.Count}."];
            }
            else
            {
                e.Languages = tags;
            }
        }
        if (Text.Clean(b.EndsAt) is not { } endText)
        {
            e.EndsAtLocal = null;
        }
        else if (EventSchedule.TryParseLocal(endText, out var ends))
        {
            if (EventSchedule.TryParseLocal(b.StartsAt, out var starts) && ends <= starts)
            {
                errors[nameof(b.EndsAt)] = [$"It ends at {EventSchedule.Show(ends)}, which is not after it starts ({EventSchedule.Show(starts)})."];
            }
            e.EndsAtLocal = ends;
        }
        else
        {
            errors[nameof(b.EndsAt)] = [$"'{endText}' is not a local date and time; write e.g. 2024-02-26T17:00."];
        }
        e.RegretsOnly = b.RegretsOnly ?? e.RegretsOnly;
        e.DressCode = Text.Clean(b.DressCode);
        e.Address = Text.Clean(b.Address);
        e.Hosts = Text.Clean(b.Hosts);
        if (b.HostIds is { } hostIds)
        {
            e.HostIds = [.. hostIds.Distinct()];
        }
        e.Description = Text.Clean(b.Description);
        return errors;
    }

    /// <summary>The most hosts a card names: more is a slip (a card signed by a crowd names none of them well).</summary>
    public const int MaxHosts = 4;

    // Hosts given are people of the event's own mission, present in its directory: another mission's person is not
    // found. Hosts kept (the input leaves them out) are not checked again: a host erased since is left off the cards
    // (EventVoice) and the Invitations page says so, rather than every later edit of the event being refused.
    private async Task CheckHostsAsync(Event e, EventInput input, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (input.HostIds is null)
        {
            return;
        }
        if (e.HostIds.Count > MaxHosts)
        {
            errors[nameof(EventInput.HostIds)] = [$"A card names at most {MaxHosts} hosts; this names {e.HostIds.Count}."];
            return;
        }
        if (e.HostIds.Count == 0)
        {
            return;
        }
        var ids = e.HostIds;
        var found = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id) && c.MissionId == e.MissionId && c.ErasedAt == null).Select(c => c.Id).ToListAsync(ct);
        if (ids.Count(id => !found.Contains(id)) is > 0 and var unknown)
        {
            errors[nameof(EventInput.HostIds)] = [unknown == 1 ? "One host is not in this mission's directory." : $"{unknown} hosts are not in this mission's directory."];
        }
    }

    /// <summary>
    /// Saves the event's words in one of its languages (API.md <c>PUT /api/events/{id}/texts/{language}</c>): a field
    /// left null keeps its value, an empty one clears it. A language the event does not list is refused.
    /// </summary>
    public async Task<Invitations.InvitationText> SaveTextAsync(Event e, Mission mission, string language, EventTextInput input, CancellationToken ct = default)
    {
        var tag = InvitationLanguages.Of(e, mission).FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"The event is not sent in '{language}'; its languages are {string.Join(", ", InvitationLanguages.Of(e, mission))}.", kind: DomainErrorKind.NotFound);
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, max) in new[] { (nameof(input.Title), input.Title, 300), (nameof(input.Hosts), input.Hosts, 500), (nameof(input.Occasion), input.Occasion, 500),
                     (nameof(input.Venue), input.Venue, 500), (nameof(input.DressCode), input.DressCode, 200) })
        {
            if (value is { Length: var n } && n > max)
            {
                errors[field] = [$"At most {max} characters; this has {n}."];
            }
        }
        DomainException.ThrowIfAny(errors, "The text has errors; see each field.");
        var text = await db.InvitationTexts.AsTracking().FirstOrDefaultAsync(t => t.EventId == e.Id && t.Language == tag, ct);
        if (text is null)
        {
            text = new Invitations.InvitationText { MissionId = e.MissionId, EventId = e.Id, Language = tag };
            db.InvitationTexts.Add(text);
        }
        static string? Keep(string? given, string? had) => given is null ? had : Text.Clean(given);
        text.Title = Keep(input.Title, text.Title);
        text.Hosts = Keep(input.Hosts, text.Hosts);
        text.Occasion = Keep(input.Occasion, text.Occasion);
        text.Venue = Keep(input.Venue, text.Venue);
        text.DressCode = Keep(input.DressCode, text.DressCode);
        await db.SaveChangesAsync(ct);
        return text;
    }

    /// <summary>Adds an item to the run of show: a timed item goes before the first item that starts later; an untimed one goes last.</summary>
    public async Task<ProgrammeItem> AddItemAsync(Event e, ProgrammeInput input, CancellationToken ct = default)
    {
        var item = new ProgrammeItem { MissionId = e.MissionId, EventId = e.Id, Title = "" };
        DomainException.ThrowIfAny(await ApplyAsync(e, input, item, ct), ItemErrors);
        var items = await ItemsAsync(e.Id, ct);
        var firstLater = item.StartsAtLocal is { } at ? items.FindIndex(p => p.StartsAtLocal is { } s && s > at) : -1;
        items.Insert(firstLater < 0 ? items.Count : firstLater, item);
        Renumber(items);
        db.ProgrammeItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Changes a tracked item in place; its position stays where the officer put it.</summary>
    public async Task UpdateItemAsync(Event e, ProgrammeItem item, ProgrammeInput input, CancellationToken ct = default)
    {
        DomainException.ThrowIfAny(await ApplyAsync(e, input, item, ct), ItemErrors);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves an item to a position in the run of show (0 first); the others close up around it.</summary>
    public async Task<bool> MoveItemAsync(Guid eventId, Guid itemId, int position, CancellationToken ct = default)
    {
        var items = await ItemsAsync(eventId, ct);
        if (items.Find(p => p.Id == itemId) is not { } item)
        {
            return false;
        }
        items.Remove(item);
        items.Insert(Math.Clamp(position, 0, items.Count), item);
        Renumber(items);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RemoveItemAsync(Guid eventId, Guid itemId, CancellationToken ct = default)
    {
        var items = await ItemsAsync(eventId, ct);
        if (items.Find(p => p.Id == itemId) is not { } item)
        {
            return false;
        }
        items.Remove(item);
        db.ProgrammeItems.Remove(item);
        Renumber(items);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<List<ProgrammeItem>> ItemsAsync(Guid eventId, CancellationToken ct) =>
        db.ProgrammeItems.AsTracking().Where(p => p.EventId == eventId).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);

    private static void Renumber(List<ProgrammeItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i].SortOrder = i;
        }
    }

    private async Task<Dictionary<string, string[]>> ApplyAsync(Event e, ProgrammeInput input, ProgrammeItem item, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateTime? startsAt = null;
        if (Text.Clean(input.StartsAt) is { } startText)
        {
            if (EventSchedule.TryParseLocal(startText, out var t))
            {
                startsAt = t;
            }
            else if (TimeOnly.TryParse(startText, CultureInfo.InvariantCulture, out var time))
            {
                startsAt = e.StartsAtLocal.Date + time.ToTimeSpan(); // "15:30" means on the event's day
            }
            else
            {
                errors[nameof(input.StartsAt)] = [$"'{startText}' is not a time; write 15:30 or 2024-02-26T15:30."];
            }
        }
        if (Text.Clean(input.Title) is not { } title)
        {
            errors[nameof(input.Title)] = ["A programme item needs a title."];
        }
        else
        {
            item.Title = title;
        }
        Dictionary<string, string>? titles = null;
        if (input.Titles is { } given)
        {
            titles = [];
            foreach (var (language, text) in given)
            {
                if (!ContactRules.IsLanguageTag(language))
                {
                    errors[nameof(input.Titles)] = [$"'{language}' {ContactRules.LanguageMessage}"];
                }
                else if (Text.Clean(text) is { } t)
                {
                    titles[language.Trim()] = t.Length > 300 ? t[..300] : t;
                }
            }
        }
        if (input.DurationMinutes is < 0 or > 24 * 60)
        {
            errors[nameof(input.DurationMinutes)] = ["A duration is between 0 and 1440 minutes."];
        }
        var speaker = Text.Clean(input.Speaker);
        if (input.SpeakerContactId is { } contactId)
        {
            // The speaker is a person of the directory: print them as the directory names them, unless the officer wrote it out.
            if (await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.MissionId == e.MissionId && c.ErasedAt == null, ct) is not { } contact)
            {
                errors[nameof(input.SpeakerContactId)] = ["That speaker is not in this mission's directory."];
            }
            else
            {
                speaker ??= SpeakerFor(contact);
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        item.StartsAtLocal = startsAt;
        if (titles is not null)
        {
            item.Titles = titles;
        }
        item.Speaker = speaker;
        item.SpeakerContactId = input.SpeakerContactId;
        item.Place = Text.Clean(input.Place);
        item.DurationMinutes = input.DurationMinutes;
        return errors;
    }

    /// <summary>How a programme prints a speaker of the directory when the officer wrote nothing: "H.E. Ms. Ingrid Larsen, Ambassador".</summary>
    public static string SpeakerFor(Contact contact) =>
        string.Join(", ", new[] { contact.DisplayName, contact.Position }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
