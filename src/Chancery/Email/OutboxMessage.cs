using Chancery.Domain.Audit;
using Chancery.Domain.Missions;

namespace Chancery.Email;

public enum OutboxStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail waiting to go, or gone. The message is stored whole (MIME) when it is queued, so a
/// restart loses nothing and a retry sends exactly what was queued. <see cref="DedupKey"/> is unique
/// per mission: queuing the same thing twice finds the first row instead of sending again.
/// </summary>
public sealed class OutboxMessage : IMissionScoped, INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string DedupKey { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required byte[] Mime { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while one app server is sending it, so two servers never send the same row.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
