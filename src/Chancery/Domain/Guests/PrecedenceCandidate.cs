using Chancery.Domain.Contacts;

namespace Chancery.Domain.Guests;

/// <summary>What the order of precedence needs to know about one person.</summary>
public sealed record PrecedenceCandidate
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    /// <summary>How the person sorts by name (surname first); defaults to <see cref="Name"/>.</summary>
    public string? SortName { get; init; }
    public Guid? OrganizationId { get; init; }
    public OrganizationType? OrganizationType { get; init; }
    /// <summary>The country the person's mission represents; the tie-break by name uses it.</summary>
    public string? Country { get; init; }
    public HeadOfMissionClass? HeadOfMissionClass { get; init; }
    public DateTime? CredentialsPresented { get; init; }
    public DateTime? ArrivalNotified { get; init; }
    /// <summary>For a chargé d'affaires ad interim: when they took up that function (Art. 19).</summary>
    public DateTime? TookUpFunction { get; init; }
    /// <summary>The head of an international organization.</summary>
    public bool HeadsInternationalOrganization { get; init; }
    /// <summary>Where the host ranks the person's international organization among the others; lower first, unranked after.</summary>
    public int? OrganizationRank { get; init; }
    /// <summary>The representative of the Holy See (a nuncio).</summary>
    public bool RepresentsHolySee { get; init; }
    /// <summary>Free text such as "Counsellor" or "First Secretary"; read by <see cref="DiplomaticRanks"/>.</summary>
    public string? DiplomaticRank { get; init; }
    /// <summary>The order the person's mission notified its staff in (Art. 17); lower first.</summary>
    public int? NotifiedOrder { get; init; }
    /// <summary>The person's category ("Government", "Scientific circles") and its place in the mission's order of categories.</summary>
    public string? Category { get; init; }
    public int? CategoryOrder { get; init; }
    /// <summary>For everyone outside the diplomatic corps: a rank the protocol officer sets; lower first.</summary>
    public int? ManualRank { get; init; }
    /// <summary>The order in which the host recorded the person; breaks ties where the host's practice says so.</summary>
    public int RecordedOrder { get; init; }
}
