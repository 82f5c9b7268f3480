namespace Chancery.Domain.Contacts;

/// <summary>A person as the edit form and the API send it. Organization is found by name, or created with the type given.</summary>
public sealed class ContactInput
{
    public string? Honorific { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? LatinName { get; set; }
    /// <summary>GivenFirst or FamilyFirst; empty for the order the name's script and language give.</summary>
    public string? NameOrder { get; set; }
    public string? Position { get; set; }
    /// <summary>Female or Male; empty to read it from the honorific.</summary>
    public string? Gender { get; set; }
    public string? DiplomaticRank { get; set; }
    public string? HeadOfMissionClass { get; set; }
    public string? CredentialsPresented { get; set; }
    public string? ArrivalNotified { get; set; }
    public int? NotifiedOrder { get; set; }
    public int? ManualRank { get; set; }
    public bool HeadsInternationalOrganization { get; set; }
    public bool NotNamedPublicly { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public string? Category { get; set; }
    public List<string>? Tags { get; set; }
    public string? OrganizationName { get; set; }
    public string? OrganizationType { get; set; }
    public string? OrganizationCountry { get; set; }
    public string? SpouseHonorific { get; set; }
    public string? SpouseFirstName { get; set; }
    public string? SpouseLastName { get; set; }
    public string? Notes { get; set; }
}
