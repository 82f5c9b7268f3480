using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Reports;

/// <summary>How high a mission was represented: its head, a deputy standing in, or its staff.</summary>
public enum Representation
{
    Staff,
    Deputy,
    HeadOfMission,
}

/// <summary>
/// The evening after (docs/events.md §8, API.md "Reports"): who was asked, who answered, who came. Guests are people on
/// the list; <see cref="Attended"/> counts those checked in, walk-ins included, and <see cref="Companions"/> the
/// plus-ones let in with them. Rates are null where nothing was there to divide by. At a "regrets only" event a
/// guest who never answered was expected: a no-show if they did not come. People are listed in order of
/// precedence; an erased person is counted and never listed (their post would name them).
/// </summary>
public sealed record EventReport(
    Guid EventId,
    string Title,
    EventKind Kind,
    DateTimeOffset StartsAtUtc,
    int Invited,
    int Accepted,
    int Declined,
    int Pending,
    int Waitlisted,
    int Attended,
    int WalkIns,
    int Companions,
    int NoShows,
    double? ResponseRate,
    double? AttendanceRate,
    IReadOnlyList<EventReport.CategoryLine> ByCategory,
    IReadOnlyList<EventReport.MissionLine> MissionsRepresented,
    IReadOnlyList<EventReport.Person> NoShowGuests,
    EventReport.Earlier? Previous)
{
    public sealed record CategoryLine(string? Category, int Invited, int Accepted, int Attended);

    /// <summary>An organization that came, how high (the highest of its people) and by whom, in order of precedence.</summary>
    public sealed record MissionLine(string Organization, string? Country, OrganizationType? Type, Representation Level, IReadOnlyList<Person> Attendees);

    /// <param name="Level">How high the person represents their mission; null for someone who represents none (a citizen, a scholar).</param>
    public sealed record Person(Guid GuestId, string Name, string? Organization, Representation? Level);

    /// <summary>The mission's previous event of the same kind, to compare with.</summary>
    public sealed record Earlier(Guid EventId, string Title, DateTimeOffset StartsAtUtc, DateTime StartsAtLocal, int Invited, int Accepted, int Attended, double? ResponseRate, double? AttendanceRate);

    /// <summary>The report of <paramref name="e"/>, read under the mission filter of <paramref name="db"/>.</summary>
    public static async Task<EventReport> BuildAsync(ChanceryDb db, GuestList list, Event e, CancellationToken ct = default)
    {
        var guests = await list.ReadAsync(e.MissionId, e.Id, byPrecedence: true, ct);
        var companions = await db.Admissions.AsNoTracking().CountAsync(a => a.EventId == e.Id && a.Companion > 0, ct);
        var totals = Totals.Of(guests, e.RegretsOnly);
        var byId = guests.ToDictionary(g => g.Id);
        var place = guests.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Person ToPerson(Guest g) => new(g.Id, g.Contact!.DisplayName, g.Contact.Organization?.Name, Represents(g.Contact) ? LevelOf(g, byId) : null);
        static bool Named(Guest g) => g.Contact!.ErasedAt is null;

        var came = guests.Where(g => g.CheckedInAt is not null).ToList();
        var byCategory = guests.GroupBy(g => g.Contact!.Category?.Name)
            .Select(x => new CategoryLine(x.Key, x.Count(g => !g.WalkIn), x.Count(g => !g.WalkIn && g.Rsvp == RsvpAnswer.Accepted), x.Count(g => g.CheckedInAt is not null)))
            .OrderByDescending(c => c.Invited).ThenBy(c => c.Category, StringComparer.CurrentCulture)
            .ToList();
        // In the order of their highest-placed person, each with the people who came for it in that order too.
        var missions = came.Where(g => Named(g) && Represents(g.Contact!))
            .GroupBy(g => g.Contact!.Organization!.Id)
            .Select(x =>
            {
                var people = x.Select(ToPerson).ToList();
                var organization = x.First().Contact!.Organization!;
                return (First: place[x.First().Id], Line: new MissionLine(organization.Name, organization.Country, organization.Type, people.Max(p => p.Level ?? Representation.Staff), people));
            })
            .OrderBy(m => m.First).Select(m => m.Line)
            .ToList();
        var noShows = guests.Where(g => !g.WalkIn && Totals.Expected(g, e.RegretsOnly) && g.CheckedInAt is null).ToList();

        return new EventReport(e.Id, e.Title, e.Kind, e.StartsAtUtc, totals.Invited, totals.Accepted, totals.Declined, totals.Pending, totals.Waitlisted,
            came.Count, came.Count(g => g.WalkIn), companions, noShows.Count, totals.ResponseRate, totals.AttendanceRate, byCategory, missions,
            [.. noShows.Where(Named).Select(ToPerson)],
            await EarlierAsync(db, e, ct));
    }

    public const string Erased = "(erased)";

    // The head of a mission (or of an international organization) is that; one who came in such a head's place
    // (the list's substitute), a deputy; anyone else, staff, whoever they stood in for.
    private static Representation LevelOf(Guest g, Dictionary<Guid, Guest> byId) =>
        Heads(g.Contact!) ? Representation.HeadOfMission
        : g.SubstituteForId is { } head && byId.TryGetValue(head, out var h) && Heads(h.Contact!) ? Representation.Deputy
        : Representation.Staff;

    /// <summary>
    /// Whether the person represents a mission (docs/events.md §8): one of an embassy, a consulate or an international
    /// organization, or a diplomat (a head of mission, a diplomatic rank) of an organization whose type was never set;
    /// a walk-in citizen's club, a university or a ministry of the host is not a mission represented.
    /// </summary>
    private static bool Represents(Contact c) => c.Organization is { } o
        && (o.Type is OrganizationType.Embassy or OrganizationType.Consulate or OrganizationType.InternationalOrganization
            || (o.Type == OrganizationType.Other && (c.HeadOfMissionClass is not null || c.HeadsInternationalOrganization || DiplomaticRanks.Of(c.DiplomaticRank) is not null)));

    private static bool Heads(Contact c) => c.HeadOfMissionClass is not null || c.HeadsInternationalOrganization;

    private static async Task<Earlier?> EarlierAsync(ChanceryDb db, Event e, CancellationToken ct)
    {
        // Not a draft that never went ahead (one whose invitations went on paper still has its guests checked in);
        // of two at the same time, the later made.
        var previous = await db.Events.AsNoTracking()
            .Where(x => x.MissionId == e.MissionId && x.Kind == e.Kind && x.Id != e.Id && x.StartsAtUtc < e.StartsAtUtc
                && (x.Status != EventStatus.Draft || db.Guests.Any(g => g.EventId == x.Id && g.CheckedInAt != null)))
            .OrderByDescending(x => x.StartsAtUtc).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }
        // Only what the totals need: a guest's answer, whether they walked in and whether they came.
        var guests = (await db.Guests.AsNoTracking().Where(g => g.EventId == previous.Id).Select(g => new { g.Rsvp, g.WalkIn, g.CheckedInAt }).ToListAsync(ct))
            .Select(g => new Guest { Rsvp = g.Rsvp, WalkIn = g.WalkIn, CheckedInAt = g.CheckedInAt }).ToList();
        var totals = Totals.Of(guests, previous.RegretsOnly);
        return new Earlier(previous.Id, previous.Title, previous.StartsAtUtc, previous.StartsAtLocal, totals.Invited, totals.Accepted,
            guests.Count(g => g.CheckedInAt is not null), totals.ResponseRate, totals.AttendanceRate);
    }

    // Of the list the office made (walk-ins were never invited): who answered out of those asked, and who came out
    // of those expected (who said yes, and at a "regrets only" event who said nothing).
    private sealed record Totals(int Invited, int Accepted, int Declined, int Pending, int Waitlisted, double? ResponseRate, double? AttendanceRate)
    {
        public static bool Expected(Guest g, bool regretsOnly) => g.Rsvp == RsvpAnswer.Accepted || (regretsOnly && g.Rsvp == RsvpAnswer.Pending);

        public static Totals Of(List<Guest> guests, bool regretsOnly)
        {
            var invited = guests.Where(g => !g.WalkIn).ToList();
            var accepted = invited.Count(g => g.Rsvp == RsvpAnswer.Accepted);
            var declined = invited.Count(g => g.Rsvp == RsvpAnswer.Declined);
            var waitlisted = invited.Count(g => g.Rsvp == RsvpAnswer.Waitlisted);
            var pending = invited.Count - accepted - declined; // as API.md has it: the waiting list among them, counted apart too
            var expected = invited.Count(g => Expected(g, regretsOnly));
            var expectedCame = invited.Count(g => Expected(g, regretsOnly) && g.CheckedInAt is not null);
            return new Totals(invited.Count, accepted, declined, pending, waitlisted,
                invited.Count == 0 ? null : Math.Round((double)(invited.Count - pending + waitlisted) / invited.Count, 3),
                expected == 0 ? null : Math.Round((double)expectedCame / expected, 3));
        }
    }
}
