using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Door;

/// <summary>
/// A person let in at the door: the guest (companion 0) or their n-th plus-one. One row per person and event, kept
/// so by a unique index: two stations scanning the same code at once admit once, whichever commits first.
/// </summary>
public sealed class Admission : IMissionScoped, Audit.INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    public Guid GuestId { get; init; }
    public byte Companion { get; init; }
    public required string Station { get; init; }
    /// <summary>When the server admitted them.</summary>
    public DateTimeOffset At { get; init; }
    /// <summary>When the station scanned the code, by its own clock (an offline station uploads later).</summary>
    public DateTimeOffset? ScannedAt { get; init; }
    /// <summary>The station's id for the scan: the same scan sent again finds its own admission.</summary>
    public string? Nonce { get; init; }
}
