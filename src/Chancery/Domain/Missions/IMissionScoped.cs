namespace Chancery.Domain.Missions;

/// <summary>
/// A record that belongs to one mission. ChanceryDb applies one global query filter to every
/// type that implements this, so a query never sees another mission's rows.
/// </summary>
public interface IMissionScoped
{
    Guid MissionId { get; }
}
