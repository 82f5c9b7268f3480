using Chancery.Domain.Audit;
using Chancery.Domain.Contacts.Names;
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
    /// <summary>
    /// The name in Latin letters as the person writes it, family name first and a comma ("al-Khatib, Rana"): door
    /// lists file by it. Empty for a machine transliteration (see <see cref="Latin"/>).
    /// </summary>
    public string? LatinName { get; set; }
    /// <summary>Family name first or given name first; null for the order the name's script and language give.</summary>
    public NameOrder? NameOrder { get; set; }
    public string? Position { get; set; }
    /// <summary>Recorded where the honorific does not tell (a "Dr.", a "Prof.", none); see <see cref="GrammaticalGender"/>.</summary>
    public Gender? Gender { get; set; }
    public string? DiplomaticRank { get; set; }
    public HeadOfMissionClass? HeadOfMissionClass { get; set; }
    /// <summary>Local date and time at which credentials were presented (or arrival notified), as the host records it.</summary>
    public DateTime? CredentialsPresented { get; set; }
    /// <summary>When the host's foreign ministry was notified of the arrival (Art. 13); used where the host dates functions by it.</summary>
    public DateTime? ArrivalNotified { get; set; }
    /// <summary>The place in which the person's own mission notified its staff (Art. 17); 1 first.</summary>
    public int? NotifiedOrder { get; set; }
    /// <summary>Heads an international organization (its representative, director or coordinator): placed after the heads of mission (docs/events.md §4, items 5 and 7).</summary>
    public bool HeadsInternationalOrganization { get; set; }
    /// <summary>Asked not to be named in anything the mission publishes (a news item): counted among the guests, never named.</summary>
    public bool NotNamedPublicly { get; set; }
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
    public const int SortNameLength = 700;
    /// <summary>Which rules computed the keys above; rows computed by older rules are recomputed at start-up.</summary>
    public int KeysVersion { get; set; }
    public const int CurrentKeysVersion = 1;
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set when the person asked to be erased: names and contact data are gone, the row stays for counts.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>The order the name is written in: the one chosen, else the script's and language's.</summary>
    public NameOrder Order => NameOrder ?? PersonName.DefaultOrder(FirstName, LastName, Language);

    /// <summary>Given and family name in the person's order, without honorific: "刘敏", "Aino Virtanen".</summary>
    public string FullName => PersonName.Full(FirstName, LastName, Order);

    /// <summary>With the honorific: "Prof. 刘敏", "H.E. Ms. Aino Virtanen".</summary>
    public string DisplayName => PersonName.WithHonorific(Honorific, FirstName, LastName, Order);

    /// <summary>The gender recorded, else the one the honorific tells ("Mme", "السيدة", "女士"), else null: not known.</summary>
    public Gender? GrammaticalGender => Gender ?? Genders.FromHonorific(Honorific);

    /// <summary>The name in Latin letters: the one recorded, else the name itself, else a transliteration that says how sure it is.</summary>
    public LatinName Latin => Romanization.Of(this);

    /// <summary>
    /// For a name in another script, the same name in Latin letters and in the person's order ("Wang Wei" under 王伟):
    /// what an announcer reads out and a neighbour at table reads; null when the name is in Latin letters, or its reading
    /// is a guess or missing (a wrong spelling on a place card is worse than none; the door list asks for a check).
    /// </summary>
    public string? LatinLine => Latin is { Source: LatinSource.Recorded or LatinSource.Machine } latin && Scripts.OfName(FirstName, LastName) is not (Script.Latin or Script.None)
        ? latin.InOrder(Order) : null;

    /// <summary>The partner's name in Latin letters in their order, for a name in another script read surely; else null.</summary>
    public string? SpouseLatinLine => Romanization.Of(SpouseFirstName, SpouseLastName, null, Language) is { Source: LatinSource.Machine } latin
        ? latin.InOrder(SpouseOrder) : null;

    /// <summary>The order the partner's name is written in: their own script's (李丽, but Anna Schmidt beside a Chinese ambassador).</summary>
    public NameOrder SpouseOrder => PersonName.DefaultOrder(SpouseFirstName, SpouseLastName, language: null);

    /// <summary>The spouse or partner as printed ("Mr. Karim Haddad"); empty when none is recorded.</summary>
    public string SpouseDisplayName => PersonName.WithHonorific(SpouseHonorific, SpouseFirstName, SpouseLastName, SpouseOrder);

    /// <summary>
    /// What finds the person by name and organization only — no e-mail, phone or tags: the search a door station
    /// keeps offline, where a lost device should reveal as little as possible.
    /// </summary>
    public string NameSearchText() => Text.Fold(string.Join(" ", NameParts(Latin).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct()));

    private string?[] NameParts(Names.LatinName latin) =>
        [FullName, FirstName, LastName, latin.InOrder(Names.NameOrder.FamilyFirst), latin.InOrder(Names.NameOrder.GivenFirst), SpouseFirstName, SpouseLastName, Organization?.Name];

    /// <summary>
    /// An erased person as every list shows them, on a copy read for showing: "(erased)", with no organization or
    /// category (erasure clears both; this covers people erased before it did).
    /// </summary>
    public static void HideIfErased(Contact? c)
    {
        if (c is { ErasedAt: not null })
        {
            c.Organization = null;
            c.Category = null;
            c.OrganizationId = c.CategoryId = null;
            c.HeadOfMissionClass = null;
        }
    }

    /// <summary>Recomputes the matching and search keys; call after changing any field (with Organization loaded).</summary>
    public void RefreshKeys()
    {
        NormalizedEmail = ContactKeys.Email(Email);
        NameKey = ContactKeys.Renewed(NameKey, ContactKeys.Name(FirstName, LastName, OrganizationId));
        var latin = Latin;
        SortName = Text.Truncate(latin.SortKey, SortNameLength);
        KeysVersion = CurrentKeysVersion;
        // The name whole in its order ("刘敏", "김지은") and in Latin letters both ways round ("Liu Min", "Min Liu"),
        // so a search finds a person however the searcher writes the name.
        var search = Text.Fold(string.Join(" ", NameParts(latin).Concat([Position, Email, Phone]).Concat(Tags).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct()));
        // Fifty long tags could outgrow the column; the names come first, and a search rarely needs the fiftieth tag.
        SearchText = Text.Truncate(search, SearchTextLength);
    }
}
