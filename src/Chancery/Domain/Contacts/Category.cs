using Chancery.Domain.Missions;

namespace Chancery.Domain.Contacts;

/// <summary>A mission's own grouping of contacts ("Diplomatic corps", "Citizens", …): renamed and added to freely.</summary>
public sealed class Category : IMissionScoped
{
    public static readonly string[] Defaults =
    [
        "Diplomatic corps", "Government", "International organizations", "Scientific circles",
        "Public circles", "Business", "Press", "Citizens",
    ];

    /// <summary>The categories a new mission starts with.</summary>
    public static IEnumerable<Category> DefaultsFor(Guid missionId) =>
        Defaults.Select((name, i) => new Category { MissionId = missionId, Name = name, SortOrder = i });

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
