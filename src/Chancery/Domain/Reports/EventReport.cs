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
/// The evening after (PRODUCT.md M6, API.md "Reports"): who was asked, who answered, who came. Guests are people on
/// the list; <see cref="Attended"/> counts those checked in, walk-ins included, and <see cref="Companions"/> the
/// plus-ones let in with them. Rates are null where nothing was there to divide by.
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

    public sealed record Person(Guid GuestId, string Name, string? Organization, Representation Level);

    /// <summary>The mission's previous event of the same kind, to compare with.</summary>
    public sealed record Earlier(Guid EventId, string Title, DateTimeOffset StartsAtUtc, int Invited, int Accepted, int Attended, double? ResponseRate, double? AttendanceRate);

    /// <summary>The report of <paramref name="e"/>, read under the mission filter of <paramref name="db"/>.</summary>
    public static async Task<EventReport> BuildAsync(ChanceryDb db, Event e, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsNoTracking().Where(g => g.EventId == e.Id)
            .Include(g => g.Contact!).ThenInclude(c => c.Organization)
            .Include(g => g.Contact!).ThenInclude(c => c.Category)
            .ToListAsync(ct);
        var companions = await db.Admissions.AsNoTracking().CountAsync(a => a.EventId == e.Id && a.Companion > 0, ct);
        var totals = Totals.Of(guests);
        var inPlaceOf = guests.Where(g => g.SubstituteForId is not null).Select(g => g.Id).ToHashSet();
        Person ToPerson(Guest g) => new(g.Id, g.Contact!.ErasedAt is null ? g.Contact.DisplayName : Erased, g.Contact.Organization?.Name, LevelOf(g, inPlaceOf));

        var came = guests.Where(g => g.CheckedInAt is not null).ToList();
        var byCategory = guests.GroupBy(g => g.Contact!.Category?.Name)
            .Select(x => new CategoryLine(x.Key, x.Count(g => !g.WalkIn), x.Count(g => !g.WalkIn && g.Rsvp == RsvpAnswer.Accepted), x.Count(g => g.CheckedInAt is not null)))
            .OrderByDescending(c => c.Invited).ThenBy(c => c.Category, StringComparer.CurrentCulture)
            .ToList();
        var missions = came.Where(g => g.Contact!.Organization is not null)
            .GroupBy(g => g.Contact!.Organization!.Id)
            .Select(x =>
            {
                var people = x.Select(ToPerson).OrderByDescending(p => p.Level).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
                var organization = x.First().Contact!.Organization!;
                return new MissionLine(organization.Name, organization.Country, organization.Type, people[0].Level, people);
            })
            .OrderByDescending(m => m.Level).ThenBy(m => m.Organization, StringComparer.CurrentCulture)
            .ToList();
        var noShows = guests.Where(g => !g.WalkIn && g.Rsvp == RsvpAnswer.Accepted && g.CheckedInAt is null).Select(ToPerson)
            .OrderByDescending(p => p.Level).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();

        return new EventReport(e.Id, e.Title, e.Kind, e.StartsAtUtc, totals.Invited, totals.Accepted, totals.Declined, totals.Pending, totals.Waitlisted,
            came.Count, came.Count(g => g.WalkIn), companions, noShows.Count, totals.ResponseRate, totals.AttendanceRate, byCategory, missions, noShows,
            await EarlierAsync(db, e, ct));
    }

    public const string Erased = "(erased)";

    // The head of a mission (or of an international organization) is that; one who came in their place (the
    // list's substitute), a deputy; anyone else, staff.
    private static Representation LevelOf(Guest g, HashSet<Guid> inPlaceOf) =>
        g.Contact!.HeadOfMissionClass is not null || g.Contact.HeadsInternationalOrganization ? Representation.HeadOfMission
        : inPlaceOf.Contains(g.Id) ? Representation.Deputy
        : Representation.Staff;

    private static async Task<Earlier?> EarlierAsync(ChanceryDb db, Event e, CancellationToken ct)
    {
        var previous = await db.Events.AsNoTracking()
            .Where(x => x.MissionId == e.MissionId && x.Kind == e.Kind && x.Id != e.Id && x.StartsAtUtc < e.StartsAtUtc)
            .OrderByDescending(x => x.StartsAtUtc).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }
        var guests = await db.Guests.AsNoTracking().Where(g => g.EventId == previous.Id).ToListAsync(ct);
        var totals = Totals.Of(guests);
        return new Earlier(previous.Id, previous.Title, previous.StartsAtUtc, totals.Invited, totals.Accepted, guests.Count(g => g.CheckedInAt is not null),
            totals.ResponseRate, totals.AttendanceRate);
    }

    // Of the list the office made (walk-ins were never invited): who answered out of those asked, and who came out
    // of those who said yes.
    private sealed record Totals(int Invited, int Accepted, int Declined, int Pending, int Waitlisted, double? ResponseRate, double? AttendanceRate)
    {
        public static Totals Of(List<Guest> guests)
        {
            var invited = guests.Where(g => !g.WalkIn).ToList();
            var accepted = invited.Count(g => g.Rsvp == RsvpAnswer.Accepted);
            var declined = invited.Count(g => g.Rsvp == RsvpAnswer.Declined);
            var waitlisted = invited.Count(g => g.Rsvp == RsvpAnswer.Waitlisted);
            var pending = invited.Count - accepted - declined; // as API.md has it: the waiting list among them, counted apart too
            var acceptedCame = invited.Count(g => g.Rsvp == RsvpAnswer.Accepted && g.CheckedInAt is not null);
            return new Totals(invited.Count, accepted, declined, pending, waitlisted,
                invited.Count == 0 ? null : Math.Round((double)(invited.Count - pending + waitlisted) / invited.Count, 3),
                accepted == 0 ? null : Math.Round((double)acceptedCame / accepted, 3));
        }
    }
}
