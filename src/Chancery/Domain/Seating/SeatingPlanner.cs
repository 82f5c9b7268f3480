namespace Chancery.Domain.Seating;

/// <summary>A person to seat: a guest, or the guest's partner (who follows the guest in precedence).</summary>
public sealed record SeatPerson(Guid GuestId, bool IsPartner);

/// <summary>A table as the planner sees it: its seats, whether seat 1 is the table host's, and the co-host's seat opposite, if any.</summary>
public sealed record TableSpec(Guid Id, int Seats, bool HostInSeatOne, int? CoHostSeat = null);

public sealed record Placement(SeatPerson Person, Guid TableId, int Seat);

/// <summary>
/// Places people by precedence: the host's table first, and at every table the most senior on the host's right,
/// the next on the host's left, and so on outward. Couples are never put side by side.
/// </summary>
public static class SeatingPlanner
{
    /// <summary>
    /// The seats of a table from the most to the least honoured: 2 (the host's right), n (left), 3, n-1, …
    /// Seat 1 (the host's) comes first only when nobody hosts the table.
    /// </summary>
    public static IReadOnlyList<int> HonourOrder(int seats, bool hostInSeatOne, int? coHostSeat = null)
    {
        if (coHostSeat is { } c)
        {
            return HonourOrderWithCoHost(seats, c);
        }
        var order = new List<int>(seats);
        if (!hostInSeatOne)
        {
            order.Add(1);
        }
        for (int right = 2, left = seats; right <= left; right++, left--)
        {
            order.Add(right);
            if (left != right)
            {
                order.Add(left);
            }
        }
        return order;
    }

    /// <summary>
    /// With a co-host opposite the host (seat <paramref name="coHost"/>): the host's right, the co-host's right,
    /// the host's left, the co-host's left, then one seat further out from each, and so on.
    /// </summary>
    private static List<int> HonourOrderWithCoHost(int seats, int coHost)
    {
        var order = new List<int>(seats);
        var taken = new HashSet<int> { 1, coHost };
        for (var d = 1; order.Count < seats - 2; d++)
        {
            foreach (var seat in new[] { 1 + d, coHost + d, seats + 1 - d, coHost - d })
            {
                if (seat >= 1 && seat <= seats && taken.Add(seat))
                {
                    order.Add(seat);
                }
            }
        }
        return order;
    }

    /// <summary>True when two seats of a round table of <paramref name="seats"/> touch.</summary>
    public static bool Adjacent(int a, int b, int seats) =>
        a != b && (Math.Abs(a - b) == 1 || (Math.Min(a, b) == 1 && Math.Max(a, b) == seats));

    /// <summary>
    /// Seats <paramref name="people"/> (in order of precedence) around <paramref name="kept"/> placements, which stay
    /// where the officer put them. Returns the new placements and those left without a seat (too few seats).
    /// </summary>
    public static (List<Placement> Placed, List<SeatPerson> Unseated) Plan(
        IReadOnlyList<SeatPerson> people, IReadOnlyList<TableSpec> tables, IReadOnlyCollection<Placement> kept)
    {
        var taken = kept.Select(k => (k.TableId, k.Seat)).ToHashSet();
        var where = kept.ToDictionary(k => k.Person, k => (k.TableId, k.Seat));
        var free = tables.SelectMany(t => HonourOrder(t.Seats, t.HostInSeatOne, t.CoHostSeat).Select(seat => (Table: t, Seat: seat)))
            .Where(s => !taken.Contains((s.Table.Id, s.Seat))).ToList();
        var placed = new List<Placement>();
        var unseated = new List<SeatPerson>();
        foreach (var person in people.Where(p => !where.ContainsKey(p)))
        {
            var partner = person with { IsPartner = !person.IsPartner };
            var partnerSeat = where.TryGetValue(partner, out var ps) ? ps : ((Guid TableId, int Seat)?)null;
            var slot = free.FindIndex(s => partnerSeat is not { } p || p.TableId != s.Table.Id || !Adjacent(p.Seat, s.Seat, s.Table.Seats));
            if (slot < 0)
            {
                unseated.Add(person);
                continue;
            }
            var (table, seat) = free[slot];
            free.RemoveAt(slot);
            where[person] = (table.Id, seat);
            placed.Add(new Placement(person, table.Id, seat));
        }
        return (placed, unseated);
    }
}
