using Chancery.Data;
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
    public sealed record Summary(int Expected, int Arrived, int WalkIns, IReadOnlyList<CategoryCount> ByCategory, IReadOnlyList<Arrival> Latest);

    public async Task<Summary> ForAsync(Guid eventId, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization).Include(g => g.Contact).ThenInclude(c => c!.Category)
            .Where(g => g.EventId == eventId).ToDictionaryAsync(g => g.Id, ct);
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
        return new Summary(expectedGuests.Sum(People), admissions.Count, guests.Values.Count(g => g.WalkIn), byCategory, latest);
    }
}
