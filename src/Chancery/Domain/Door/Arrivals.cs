using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>
/// Who has come, against who is expected (API.md "Check-in", arrivals): read from the database on every call, so
/// every app server tells the same. Expected are the guests who accepted and the plus-ones they announced; arrived
/// is everyone admitted, walk-ins included.
/// </summary>
public sealed class Arrivals(ChanceryDb db)
{
    public const int Latest = 20;

    public sealed record CategoryCount(string? Category, int Expected, int Arrived);
    public sealed record Arrival(Guid GuestId, string DisplayName, string? Organization, int Companion, DateTimeOffset At, string Station);
    /// <summary>
    /// A person a station let in while it could not know another already had: the station says so when it sends its
    /// queue, or (a client that does not say) another station's scan was made before the admission it met.
    /// </summary>
    public sealed record TwiceAdmitted(Guid GuestId, string DisplayName, int Companion, string AdmittedAt, IReadOnlyList<string> AlsoAt);
    public sealed record Summary(int Expected, int Arrived, int WalkIns, IReadOnlyList<CategoryCount> ByCategory, IReadOnlyList<Arrival> Latest,
        IReadOnlyList<TwiceAdmitted> Twice);

    public async Task<Summary> ForAsync(Guid eventId, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization).Include(g => g.Contact).ThenInclude(c => c!.Category)
            .Where(g => g.EventId == eventId).ToDictionaryAsync(g => g.Id, ct);
        foreach (var g in guests.Values)
        {
            Contact.HideIfErased(g.Contact);
        }
        var admissions = await db.Admissions.AsNoTracking().Where(a => a.EventId == eventId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
        static int People(Guest g) => 1 + g.PlusOnes;
        var expectedGuests = guests.Values.Where(g => g.Rsvp == RsvpAnswer.Accepted && !g.WalkIn).ToList();
        var arrivedBy = admissions.GroupBy(a => a.GuestId).ToDictionary(x => x.Key, x => x.Count());
        var byCategory = guests.Values.Where(g => (g.Rsvp == RsvpAnswer.Accepted && !g.WalkIn) || arrivedBy.ContainsKey(g.Id))
            .GroupBy(g => g.Contact?.Category?.Name)
            .Select(x => new CategoryCount(x.Key,
                x.Where(g => g.Rsvp == RsvpAnswer.Accepted && !g.WalkIn).Sum(People),
                x.Sum(g => arrivedBy.GetValueOrDefault(g.Id))))
            .OrderBy(c => c.Category is null).ThenBy(c => c.Category, StringComparer.CurrentCulture).ToList();
        var latest = admissions.Take(Latest).Where(a => guests.ContainsKey(a.GuestId)).Select(a =>
        {
            var person = guests[a.GuestId].Contact!;
            return new Arrival(a.GuestId, person.DisplayName, person.Organization?.Name, a.Companion, a.At, a.Station);
        }).ToList();
        // An "already checked in" scanned before the admission it ran into was an admission at its station (offline,
        // its queue uploaded later): both let the person in. Kept as two scans and shown, never merged silently.
        var first = admissions.ToDictionary(a => (a.GuestId, a.Companion));
        var late = await db.ScanRecords.AsNoTracking()
            .Where(s => s.EventId == eventId && s.Result == CheckInResult.AlreadyCheckedIn && s.GuestId != null).ToListAsync(ct);
        var twice = late.Where(s => first.TryGetValue((s.GuestId!.Value, s.Companion), out var a) && (s.AdmittedOffline || ((s.ScannedAt ?? s.ReceivedAt) < (a.ScannedAt ?? a.At) && s.Station != a.Station)) && guests.ContainsKey(a.GuestId))
            .GroupBy(s => (s.GuestId!.Value, s.Companion))
            .Select(x => new TwiceAdmitted(x.Key.Item1, guests[x.Key.Item1].Contact!.DisplayName, x.Key.Companion, first[x.Key].Station,
                [.. x.Select(s => s.Station).Distinct(StringComparer.Ordinal)]))
            .ToList();
        return new Summary(expectedGuests.Sum(People), admissions.Count, guests.Values.Count(g => g.WalkIn), byCategory, latest, twice);
    }
}
