using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Guests;

/// <summary>
/// The orders a ceremony needs, all read from the one order of precedence: who the hosts receive first, who
/// lays a wreath when, and in which order guests speak.
/// </summary>
public static class Ceremonies
{
    /// <summary>Everyone expected, in order of precedence; a partner is received with the guest.</summary>
    public static List<(Guest Guest, PrecedenceEntry Place)> ReceivingLine(IEnumerable<(Guest Guest, PrecedenceEntry Place)> ranked) =>
        [.. ranked.Where(r => GuestCounts.MayCome(r.Guest))];

    /// <summary>
    /// One wreath per mission or international organization, laid by its most senior person present, in order of
    /// precedence: heads of mission first, then chargés a.i., heads of international organizations, then missions
    /// represented by their staff.
    /// </summary>
    public static List<(Guest Guest, PrecedenceEntry Place)> WreathLaying(IEnumerable<(Guest Guest, PrecedenceEntry Place)> ranked) =>
        [.. ranked.Where(r => GuestCounts.MayCome(r.Guest) && r.Guest.Contact?.Organization is { } o
                && o.Type is OrganizationType.Embassy or OrganizationType.Consulate or OrganizationType.InternationalOrganization)
            .GroupBy(r => r.Guest.Contact!.OrganizationId)
            .Select(g => g.MinBy(r => r.Place.Position))
            .OrderBy(r => r.Place.Position)];

    /// <summary>
    /// The programme's speakers in the order protocol asks: speakers who are not on the guest list (the host's
    /// side) open; guests follow in reverse order of precedence, so the most senior speaks last.
    /// </summary>
    public static List<(ProgrammeItem Item, PrecedenceEntry? Place)> SpeakingOrder(IEnumerable<ProgrammeItem> programme, IEnumerable<(Guest Guest, PrecedenceEntry Place)> ranked)
    {
        var byContact = ranked.ToDictionary(r => r.Guest.ContactId, r => r.Place);
        var speeches = programme.Where(p => p.Speaker is not null || p.SpeakerContactId is not null)
            .Select(p => (Item: p, Place: p.SpeakerContactId is { } c && byContact.TryGetValue(c, out var place) ? place : null)).ToList();
        return [.. speeches.Where(s => s.Place is null).Concat(speeches.Where(s => s.Place is not null).OrderByDescending(s => s.Place!.Position))];
    }
}

/// <summary>
/// An event's three ceremony orders, as the orders page and its print show them. The host's own wreath opens the
/// wreath-laying (<see cref="HostWreath"/>: the mission, laid by the event's hosts), and the dean of the corps is
/// marked wherever they stand (<see cref="DeanId"/>).
/// </summary>
public sealed record CeremonyOrders(
    IReadOnlyList<(Guest Guest, PrecedenceEntry Place)> ReceivingLine,
    IReadOnlyList<(Guest Guest, PrecedenceEntry Place)> Wreaths,
    IReadOnlyList<(ProgrammeItem Item, PrecedenceEntry? Place)> Speakers,
    (string Mission, string LaidBy) HostWreath,
    Guid? DeanId)
{
    public static async Task<CeremonyOrders> ReadAsync(ChanceryDb db, GuestList guestList, Event e, CancellationToken ct = default)
    {
        var ranked = await guestList.RankedAsync(e.MissionId, e.Id, ct);
        var programme = await db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == e.Id).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var mission = await db.Missions.Where(m => m.Id == e.MissionId).Select(m => m.Name).FirstAsync(ct);
        return new CeremonyOrders(Ceremonies.ReceivingLine(ranked), Ceremonies.WreathLaying(ranked), Ceremonies.SpeakingOrder(programme, ranked),
            (mission, string.IsNullOrWhiteSpace(e.Hosts) ? "the host" : e.Hosts), await guestList.DeanAsync(e.MissionId, ct));
    }
}
