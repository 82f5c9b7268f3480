using Chancery.Domain.Users;

namespace Chancery.Domain.Missions;

/// <summary>A user's role in one mission. Disabling it removes the user's access to that mission only.</summary>
public sealed class Membership : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Mission? Mission { get; init; }
    public Guid UserId { get; init; }
    public ChanceryUser? User { get; init; }
    public MissionRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsActive => DisabledAt is null;
}
