using Chancery.Domain.Audit;
using Chancery.Domain.Missions;

namespace Chancery.Domain.Contacts;

/// <summary>A person in the mission's directory: a diplomat, an official, a scholar, a journalist, a citizen.</summary>
public sealed class Contact : IMissionScoped, IErasable
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }

    public string? Honorific { get; set; }
    public string? FirstName { get; set; }
    /// <summary>Required; a person with a single name puts it here.</summary>
    public string LastName { get; set; } = "";
    /// <summary>The name in Latin letters, for sorting door lists; optional.</summary>
    public string? LatinName { get; set; }
    public string? Position { get; set; }
    public string? DiplomaticRank { get; set; }
    public HeadOfMissionClass? HeadOfMissionClass { get; set; }
    /// <summary>Local date and time at which credentials were presented (or arrival notified), as the host records it.</summary>
    public DateTime? CredentialsPresented { get; set; }
    /// <summary>When the host's foreign ministry was notified of the arrival (Art. 13); used where the host dates functions by it.</summary>
    public DateTime? ArrivalNotified { get; set; }
    /// <summary>The place in which the person's own mission notified its staff (Art. 17); 1 first.</summary>
    public int? NotifiedOrder { get; set; }
    /// <summary>Heads an international organization (its representative, director or coordinator): placed after the heads of mission (PRODUCT.md rule 6).</summary>
    public bool HeadsInternationalOrganization { get; set; }
    /// <summary>For people outside the diplomatic corps: the place the protocol officer gives them; 1 first.</summary>
    public int? ManualRank { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>BCP 47 tag of the language invitations go out in.</summary>
    public string? Language { get; set; }
    public List<string> Tags { get; set; } = [];

    public string? SpouseHonorific { get; set; }
    public string? SpouseFirstName { get; set; }
    public string? SpouseLastName { get; set; }
    public string? Notes { get; set; }

    /// <summary>Lower-cased, accent-folded e-mail for matching.</summary>
    public string? NormalizedEmail { get; set; }
    /// <summary>
    /// First and last name folded, with the organization: who the person is when no e-mail tells (unique in the
    /// mission among people without one). Null on rows from before it existed until they are next saved.
    /// </summary>
    public string? NameKey { get; set; }
    /// <summary>Names, position, e-mail, organization and tags folded together for search in any script.</summary>
    public string SearchText { get; set; } = "";
    public const int SearchTextLength = 4000;
    /// <summary>Latin (else original) last name, then first name, folded: the directory's order, kept in an index.</summary>
    public string SortName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set when the person asked to be erased: names and contact data are gone, the row stays for counts.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public string DisplayName => Join(Honorific, FirstName, LastName);

    /// <summary>The spouse or partner as printed ("Mr. Karim Haddad"); empty when none is recorded.</summary>
    public string SpouseDisplayName => Join(SpouseHonorific, SpouseFirstName, SpouseLastName);

    private static string Join(params string?[] parts) => string.Join(" ", parts.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>Recomputes the matching and search keys; call after changing any field (with Organization loaded).</summary>
    public void RefreshKeys()
    {
        NormalizedEmail = ContactKeys.Email(Email);
        NameKey = ContactKeys.Renewed(NameKey, ContactKeys.Name(FirstName, LastName, OrganizationId));
        SortName = Text.Fold($"{LatinName ?? LastName} {FirstName}");
        var search = Text.Fold(string.Join(" ", new[] { FirstName, LastName, LatinName, Position, Email, Phone, SpouseFirstName, SpouseLastName, Organization?.Name }
            .Concat(Tags).Where(s => !string.IsNullOrWhiteSpace(s))));
        // Fifty long tags could outgrow the column; the names come first, and a search rarely needs the fiftieth tag.
        SearchText = search.Length <= SearchTextLength ? search : search[..SearchTextLength];
    }
}
