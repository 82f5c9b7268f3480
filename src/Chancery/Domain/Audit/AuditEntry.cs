using Chancery.Domain.Missions;

namespace Chancery.Domain.Audit;

/// <summary>One change to one record: written by <see cref="AuditInterceptor"/>, never by hand.</summary>
public sealed class AuditEntry : IMissionScoped, INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Null when the app itself made the change (first start, background work).</summary>
    public Guid? UserId { get; init; }
    public required string UserName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// <summary>JSON object of the changed properties: <c>{"Name": ["old", "new"]}</c>.</summary>
    public required string Changes { get; init; }
}
