using Chancery.Domain.Audit;
using Chancery.Domain.Missions;

namespace Chancery.Domain.Seating;

/// <summary>
/// A table at a seated event. Seat 1 is the table's host; seats run clockwise, so seat 2 is on the host's
/// right and the last seat on the host's left.
/// </summary>
public sealed class SeatingTable : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    /// <summary>Table 1 is the host's table; guests are placed there first.</summary>
    public int Number { get; set; }
    /// <summary>An optional name printed on the plan ("Head table", "Table Beijing").</summary>
    public string? Name { get; set; }
    public int Seats { get; set; }
    /// <summary>Who hosts this table from seat 1: the ambassador at table 1, a diplomat of the mission at the others.</summary>
    public string? HostName { get; set; }
    /// <summary>
    /// A co-host facing the host (the host's spouse, the deputy head of mission), in the seat opposite seat 1;
    /// then the guests of honour sit on both hosts' right and left in turn.
    /// </summary>
    public string? CoHostName { get; set; }

    /// <summary>The seat opposite seat 1, where a co-host sits.</summary>
    public int CoHostSeat => Seats / 2 + 1;
}

/// <summary>
/// One guest (or the guest's partner) in one seat. Not audited row by row: placing 300 people would write 300
/// entries; <see cref="SeatingPlans"/> writes one entry per placement run or move instead.
/// </summary>
public sealed class SeatAssignment : IMissionScoped, INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    public Guid TableId { get; set; }
    public int Seat { get; set; }
    public Guid GuestId { get; init; }
    /// <summary>True for the seat of the guest's spouse or partner.</summary>
    public bool IsPartner { get; init; }
}
