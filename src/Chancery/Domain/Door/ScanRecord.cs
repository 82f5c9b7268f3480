using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Door;

/// <summary>
/// Every scan at the door, failed ones too: the station, its clock and ours, the code as read, and what came of it.
/// Written in the same batch as the scan's admission (<see cref="ScanBatches"/>); the door's own record, so not audited again.
/// </summary>
public sealed class ScanRecord : IMissionScoped, Audit.INotAudited
{
    public const int MaxStation = 100, MaxNonce = 100, MaxCode = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    public required string Station { get; init; }
    public string? Nonce { get; init; }
    /// <summary>The code as the station read it, clipped: a signed code or a typed one, or whatever a scanner sent.</summary>
    public required string Code { get; init; }
    public DateTimeOffset? ScannedAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public CheckInResult Result { get; init; }
    public string? Reason { get; init; }
    public Guid? GuestId { get; init; }
    public byte Companion { get; init; }
    /// <summary>The station let the person in while offline (it said so when it sent its queue): if someone was first, this is a second entry to flag.</summary>
    public bool AdmittedOffline { get; init; }
}
