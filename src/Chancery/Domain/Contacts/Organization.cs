using Chancery.Domain.Missions;

namespace Chancery.Domain.Contacts;

/// <summary>An embassy, consulate, international organization, ministry, university, outlet or association.</summary>
public sealed class Organization : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string Name { get; set; }
    /// <summary>Its name in other languages, by language tag, as the office records it (<see cref="OrganizationNames"/>).</summary>
    public Dictionary<string, string> Names { get; set; } = [];
    public OrganizationType Type { get; set; } = OrganizationType.Other;
    public string? Country { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    /// <summary>The country's national day; only month and day mean anything (stored in year 2000).</summary>
    public DateOnly? NationalDay { get; set; }
    /// <summary>For an international organization: where the host ranks it among the others (1 first); unranked ones follow.</summary>
    public int? HostRank { get; set; }
    /// <summary>Lower-cased, accent-folded name, so matching and search ignore case and accents.</summary>
    public string NormalizedName { get; set; } = "";
}
