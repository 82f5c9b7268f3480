using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Names;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Seating;

/// <summary>One seat as the plan and the prints show it; <see cref="Guest"/> is null for the table host's seat.</summary>
public sealed record SeatView(SeatingTable Table, int Seat, Guest? Guest, bool IsPartner, string Name, string? Organization)
{
    /// <summary>Where the seat is from the host's point of view: "Host", "right 1", "left 1", "right 2"…; "head" is seat 1 of a table without a host.</summary>
    /// <summary>The guest's (or partner's) name in Latin letters, by which the index and the seat picker sort; null for a host.</summary>
    public LatinName? Latin { get; } = Guest is null ? null : SeatingPlans.LatinOf(Guest, IsPartner);

    /// <summary>
    /// For a name in another script, the same name in Latin letters and in its order ("Wang Wei" under 王伟), for
    /// the place card's second line; null when the name is in Latin letters already or has no reading yet.
    /// </summary>
    public string? LatinLine => IsPartner ? Guest?.Contact?.SpouseLatinLine : Guest?.Contact?.LatinLine;

    public string Side => Guest is null ? (Seat == 1 ? "Host" : "Co-host") : GuestSide(Table, Seat);

    /// <summary>
    /// A guest's seat from the nearer host's point of view, taken or empty: "right 1" is the host's right; at a table
    /// with a co-host opposite, the seats nearer the co-host are "co-host's right 1", "co-host's left 1"…
    /// </summary>
    public static string GuestSide(SeatingTable table, int seat)
    {
        if (seat == 1)
        {
            return "head";
        }
        if (table.HostName is not null && table.CoHostName is not null && table.CoHostSeat is var c && c > 1 && c <= table.Seats)
        {
            return seat < c
                ? (seat - 1 <= c - seat ? $"right {seat - 1}" : $"co-host's left {c - seat}")
                : (seat - c < table.Seats - seat + 1 ? $"co-host's right {seat - c}" : $"left {table.Seats - seat + 1}");
        }
        return seat - 1 <= table.Seats - seat + 1 ? $"right {seat - 1}" : $"left {table.Seats - seat + 1}";
    }
}

/// <summary>An event's tables and who sits where, with everyone not yet seated and the couples placed side by side.</summary>
public sealed record SeatingPlan(IReadOnlyList<SeatingTable> Tables, IReadOnlyList<SeatView> Seats, IReadOnlyList<(Guest Guest, bool IsPartner, string Name)> Unseated, IReadOnlyList<string> Warnings)
{
    public int Capacity => Tables.Sum(t => t.Seats - SeatingPlans.HostSeats(t).Count);
}

/// <summary>Tables, automatic placement by precedence, and moves by hand for an event's seating plan.</summary>
public sealed class SeatingPlans(ChanceryDb db, GuestList guestList, TimeProvider clock)
{
    public const int MaxSeatsPerTable = 60;
    public const int MaxTables = 200;

    /// <summary>Adds <paramref name="count"/> tables of <paramref name="seats"/> after the existing ones; the first table of an event gets the host.</summary>
    public async Task AddTablesAsync(Event e, int count, int seats, string? firstHost, string? firstCoHost = null, CancellationToken ct = default)
    {
        if (count is < 1 or > MaxTables)
        {
            throw new DomainException($"Add between 1 and {MaxTables} tables at a time.", "count");
        }
        var last = await db.SeatingTables.Where(t => t.EventId == e.Id).MaxAsync(t => (int?)t.Number, ct) ?? 0;
        // Only the event's first table gets the host (and co-host); later batches are plain tables.
        CheckTable(seats, last == 0 ? Text.Clean(firstHost) ?? e.Hosts : null, last == 0 ? firstCoHost : null, "coHost");
        for (var i = 1; i <= count; i++)
        {
            db.SeatingTables.Add(new SeatingTable
            {
                MissionId = e.MissionId,
                EventId = e.Id,
                Number = last + i,
                Seats = seats,
                HostName = last + i == 1 ? Text.Clean(firstHost) ?? e.Hosts : null,
                CoHostName = last + i == 1 ? Text.Clean(firstCoHost) : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Renames a table, changes its host or its size; guests in seats that no longer exist lose them.</summary>
    public async Task<bool> UpdateTableAsync(Guid eventId, Guid tableId, string? name, string? hostName, string? coHostName, int seats, CancellationToken ct = default)
    {
        CheckTable(seats, hostName, coHostName, "coHostName");
        if (await db.SeatingTables.AsTracking().FirstOrDefaultAsync(t => t.Id == tableId && t.EventId == eventId, ct) is not { } table)
        {
            return false;
        }
        table.Name = Text.Clean(name);
        table.HostName = Text.Clean(hostName);
        table.CoHostName = Text.Clean(coHostName);
        table.Seats = seats;
        var hostSeats = HostSeats(table);
        var lost = await db.SeatAssignments.AsTracking()
            .Where(s => s.TableId == tableId && (s.Seat > seats || hostSeats.Contains(s.Seat))).ToListAsync(ct);
        db.SeatAssignments.RemoveRange(lost);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What every table keeps to, new or changed: a size, and a co-host only opposite a named host.</summary>
    private static void CheckTable(int seats, string? host, string? coHost, string coHostField)
    {
        if (seats is < 2 or > MaxSeatsPerTable)
        {
            throw new DomainException($"A table has between 2 and {MaxSeatsPerTable} seats.", "seats");
        }
        if (Text.Clean(coHost) is not null && (Text.Clean(host) is null || seats < 4))
        {
            throw new DomainException("A co-host sits opposite a host: name the host too, at a table of 4 seats or more.", coHostField);
        }
    }

    public async Task<bool> RemoveTableAsync(Guid eventId, Guid tableId, CancellationToken ct = default)
    {
        if (await db.SeatingTables.AsTracking().FirstOrDefaultAsync(t => t.Id == tableId && t.EventId == eventId, ct) is not { } table)
        {
            return false;
        }
        db.SeatingTables.Remove(table);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Seats everyone coming (accepted or not yet answered; partners included) by precedence. With
    /// <paramref name="keepPlaced"/> the placements already made stay and only the others are seated.
    /// Returns how many were placed and how many found no seat.
    /// </summary>
    public async Task<(int Placed, int Unseated)> AutoSeatAsync(Event e, bool keepPlaced, CancellationToken ct = default)
    {
        var tables = await TablesAsync(e.Id, ct);
        if (tables.Count == 0)
        {
            throw new DomainException("Add tables first.");
        }
        var ranked = await guestList.RankedAsync(e.MissionId, e.Id, ct);
        var people = Coming(ranked.Select(r => r.Guest)).ToList();
        var existing = await db.SeatAssignments.AsTracking().Where(s => s.EventId == e.Id).ToListAsync(ct);
        var wanted = people.ToHashSet();
        // A seat of someone who no longer comes (declined, partner no longer invited) is freed either way.
        var stale = existing.Where(s => !keepPlaced || !wanted.Contains(new SeatPerson(s.GuestId, s.IsPartner))).ToList();
        db.SeatAssignments.RemoveRange(stale);
        var kept = existing.Except(stale).Select(s => new Placement(new SeatPerson(s.GuestId, s.IsPartner), s.TableId, s.Seat)).ToList();
        var (placed, unseated) = SeatingPlanner.Plan(people, [.. tables.Select(Spec)], kept);
        // Free seats first, then take them (the unique (table, seat) index would otherwise see two rows at once),
        // in one transaction: a failure half-way leaves the plan as it was, not with everyone unseated.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.SeatAssignments.AddRange(placed.Select(p => new SeatAssignment
        {
            MissionId = e.MissionId,
            EventId = e.Id,
            TableId = p.TableId,
            Seat = p.Seat,
            GuestId = p.Person.GuestId,
            IsPartner = p.Person.IsPartner,
        }));
        AuditEvents.Add(db, e.MissionId, keepPlaced ? "Seated the rest by precedence" : "Re-seated everyone by precedence", nameof(Event), e.Id.ToString(), clock,
            JsonSerializer.Serialize(new { placed = placed.Count, kept = kept.Count, unseated = unseated.Count }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (placed.Count, unseated.Count);
    }

    /// <summary>
    /// Puts a person in a seat by hand. Someone already there swaps into the mover's old seat (or loses their
    /// seat if the mover had none). Throws when the seat does not exist or is the table host's.
    /// </summary>
    public async Task MoveAsync(Event e, Guid guestId, bool isPartner, Guid tableId, int seat, CancellationToken ct = default)
    {
        var table = await db.SeatingTables.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tableId && t.EventId == e.Id, ct)
            ?? throw new DomainException("That table is not part of this event.", "table");
        if (seat < 1 || seat > table.Seats)
        {
            throw new DomainException($"Table {table.Number} has seats 1 to {table.Seats}.", "seat");
        }
        if (HostSeats(table).Contains(seat))
        {
            throw new DomainException($"Seat {seat} at table {table.Number} is the host's ({(seat == 1 ? table.HostName : table.CoHostName)}).", "seat");
        }
        var guest = await db.Guests.AsNoTracking().Include(g => g.Contact).FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == e.Id, ct)
            ?? throw new DomainException("That guest is not on this event's list.", "guest");
        if (isPartner && !GuestCounts.HasPartner(guest))
        {
            throw new DomainException($"{guest.Contact!.DisplayName} comes without a partner.", "guest");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.SeatAssignments.AsTracking().FirstOrDefaultAsync(s => s.GuestId == guest.Id && s.IsPartner == isPartner, ct);
        var theirs = await db.SeatAssignments.AsTracking().FirstOrDefaultAsync(s => s.TableId == tableId && s.Seat == seat, ct);
        if (mine is not null && theirs?.Id == mine.Id)
        {
            return;
        }
        // Three steps so the unique seat index never sees two people in one seat.
        var (oldTable, oldSeat) = mine is null ? ((Guid?)null, 0) : (mine.TableId, mine.Seat);
        if (theirs is not null)
        {
            db.SeatAssignments.Remove(theirs);
            await db.SaveChangesAsync(ct);
        }
        if (mine is null)
        {
            db.SeatAssignments.Add(new SeatAssignment { MissionId = e.MissionId, EventId = e.Id, TableId = tableId, Seat = seat, GuestId = guest.Id, IsPartner = isPartner });
        }
        else
        {
            mine.TableId = tableId;
            mine.Seat = seat;
        }
        await db.SaveChangesAsync(ct);
        if (theirs is not null && oldTable is { } t)
        {
            db.SeatAssignments.Add(new SeatAssignment { MissionId = e.MissionId, EventId = e.Id, TableId = t, Seat = oldSeat, GuestId = theirs.GuestId, IsPartner = theirs.IsPartner });
            await db.SaveChangesAsync(ct);
        }
        AuditEvents.Add(db, e.MissionId, "Moved a seat", nameof(Guest), guest.Id.ToString(), clock,
            JsonSerializer.Serialize(new { partner = isPartner, table = table.Number, seat, swappedWith = theirs?.GuestId }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task UnseatAsync(Event e, Guid guestId, bool isPartner, CancellationToken ct = default)
    {
        // The seat and its audit entry go together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.SeatAssignments.Where(s => s.EventId == e.Id && s.GuestId == guestId && s.IsPartner == isPartner).ExecuteDeleteAsync(ct) > 0)
        {
            AuditEvents.Add(db, e.MissionId, "Freed a seat", nameof(Guest), guestId.ToString(), clock, JsonSerializer.Serialize(new { partner = isPartner }));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Where a guest sits, as the door tells them ("Table 3 (Cedar), seat 5"); null when unseated.</summary>
    public Task<string?> SeatOfAsync(Guid guestId, CancellationToken ct = default) =>
        db.SeatAssignments.Where(s => s.GuestId == guestId && !s.IsPartner)
            .Join(db.SeatingTables, s => s.TableId, t => t.Id, (s, t) => "Table " + t.Number + (t.Name != null ? " (" + t.Name + ")" : "") + ", seat " + s.Seat)
            .FirstOrDefaultAsync(ct);

    /// <summary>The whole plan: tables in order, every seat (host seats included), who still has no seat, and warnings.</summary>
    public async Task<SeatingPlan> ReadAsync(Event e, CancellationToken ct = default)
    {
        var tables = await TablesAsync(e.Id, ct);
        var ranked = await guestList.RankedAsync(e.MissionId, e.Id, ct);
        var guests = ranked.Select(r => r.Guest).ToDictionary(g => g.Id);
        var assignments = await db.SeatAssignments.AsNoTracking().Where(s => s.EventId == e.Id).ToListAsync(ct);
        var byTable = tables.ToDictionary(t => t.Id);
        var seats = new List<SeatView>();
        foreach (var t in tables.Where(t => t.HostName is not null))
        {
            seats.Add(new SeatView(t, 1, null, false, t.HostName!, null));
            if (t.CoHostName is not null)
            {
                seats.Add(new SeatView(t, t.CoHostSeat, null, false, t.CoHostName, null));
            }
        }
        foreach (var a in assignments.Where(a => guests.ContainsKey(a.GuestId) && byTable.ContainsKey(a.TableId)))
        {
            var g = guests[a.GuestId];
            seats.Add(new SeatView(byTable[a.TableId], a.Seat, g, a.IsPartner, NameOf(g, a.IsPartner), g.Contact!.Organization?.Name));
        }
        seats = [.. seats.OrderBy(s => s.Table.Number).ThenBy(s => s.Seat)];
        var seated = assignments.Select(a => new SeatPerson(a.GuestId, a.IsPartner)).ToHashSet();
        var unseated = Coming(ranked.Select(r => r.Guest)).Where(p => !seated.Contains(p))
            .Select(p => (guests[p.GuestId], p.IsPartner, NameOf(guests[p.GuestId], p.IsPartner))).ToList();
        var warnings = new List<string>();
        var guestSeats = seats.Where(s => s.Guest is not null && !s.IsPartner).ToDictionary(s => s.Guest!.Id);
        foreach (var s in seats.Where(s => s.Guest is not null && s.IsPartner))
        {
            if (guestSeats.TryGetValue(s.Guest!.Id, out var principal)
                && principal.Table.Id == s.Table.Id && SeatingPlanner.Adjacent(principal.Seat, s.Seat, s.Table.Seats))
            {
                warnings.Add($"{principal.Name} and {s.Name} sit side by side at table {s.Table.Number}.");
            }
        }
        foreach (var s in seats.Where(s => s.Guest is { Rsvp: RsvpAnswer.Declined or RsvpAnswer.Waitlisted }))
        {
            warnings.Add($"{s.Name} has {(s.Guest!.Rsvp == RsvpAnswer.Declined ? "declined" : "no place yet (waiting list)")} but still has seat {s.Seat} at table {s.Table.Number}.");
        }
        return new SeatingPlan(tables, seats, unseated, warnings);
    }

    /// <summary>The people to seat in order of precedence: every guest expected or not answered yet, each partner right after the guest.</summary>
    private static IEnumerable<SeatPerson> Coming(IEnumerable<Guest> byPrecedence)
    {
        foreach (var g in byPrecedence.Where(GuestCounts.MayCome))
        {
            yield return new SeatPerson(g.Id, false);
            if (GuestCounts.HasPartner(g))
            {
                yield return new SeatPerson(g.Id, true);
            }
        }
    }

    public static string NameOf(Guest g, bool partner) => partner ? g.Contact!.SpouseDisplayName : g.Contact!.DisplayName;

    /// <summary>A guest's or their partner's name in Latin letters (the partner's transliterated by their own script).</summary>
    public static LatinName LatinOf(Guest g, bool partner) =>
        partner ? Romanization.Of(g.Contact!.SpouseFirstName, g.Contact.SpouseLastName, null, g.Contact.Language) : g.Contact!.Latin;

    private static TableSpec Spec(SeatingTable t) => new(t.Id, t.Seats, t.HostName is not null, t.HostName is not null && t.CoHostName is not null ? t.CoHostSeat : null);

    /// <summary>The seats of a table kept for its host and co-host.</summary>
    public static IReadOnlyList<int> HostSeats(SeatingTable t) =>
        t.HostName is null ? [] : t.CoHostName is null ? [1] : [1, t.CoHostSeat];

    private Task<List<SeatingTable>> TablesAsync(Guid eventId, CancellationToken ct) =>
        db.SeatingTables.AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.Number).ToListAsync(ct);
}
