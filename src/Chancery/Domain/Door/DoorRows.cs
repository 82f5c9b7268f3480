using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;

namespace Chancery.Domain.Door;

// What a batch of scans reads and writes (Data/HandWritten/DoorStatements), as the rules (AdmissionRules) see it.

/// <summary>Only what the door's rules need of a guest: the whole person would be read for every guest of every batch. <see cref="In"/>: who of theirs is in (0 the guest, n the n-th plus-one).</summary>
public sealed record GuestAtDoor(Guid EventId, Guid MissionId, RsvpAnswer Rsvp, int PlusOnes, bool Erased, Contact Name, string? Organization)
{
    public Dictionary<byte, AdmittedAs> In { get; } = [];
}

public sealed record AdmittedAs(Guid Id, DateTimeOffset At, string Station, string? Nonce);

public sealed record NewAdmission(Guid Id, Guid MissionId, Guid EventId, Guid GuestId, byte Companion, string Station, DateTimeOffset At, DateTimeOffset? ScannedAt, string? Nonce);

/// <summary>One row of the scan log; a scan sent twice in one batch is one row that keeps what either copy knew.</summary>
public sealed class ScanRow
{
    public required Guid MissionId { get; init; }
    public required Guid EventId { get; init; }
    public required string Station { get; init; }
    public string? Nonce { get; init; }
    public required string Code { get; init; }
    public DateTimeOffset? ScannedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public CheckInResult Result { get; init; }
    public string? Reason { get; init; }
    public Guid? GuestId { get; init; }
    public byte Companion { get; init; }
    public bool AdmittedOffline { get; set; }
}
