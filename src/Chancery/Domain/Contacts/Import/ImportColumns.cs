namespace Chancery.Domain.Contacts.Import;

/// <summary>The import format's columns (API.md), matched to a file's headers without regard to case, spaces or punctuation.</summary>
public static class ImportColumns
{
    public const string Organization = "Organization";
    public const string OrganizationType = "OrganizationType";
    public const string Country = "Country";
    public const string Honorific = "Honorific";
    public const string FirstName = "FirstName";
    public const string LastName = "LastName";
    public const string Position = "Position";
    public const string DiplomaticRank = "DiplomaticRank";
    public const string HeadOfMissionClass = "HeadOfMissionClass";
    public const string CredentialsPresented = "CredentialsPresented";
    public const string Email = "Email";
    public const string Phone = "Phone";
    public const string Language = "Language";
    public const string Category = "Category";
    public const string Tags = "Tags";
    public const string LatinName = "LatinName";
    public const string NameOrder = "NameOrder";
    public const string HeadOfOrganization = "HeadOfOrganization";
    public const string SpouseHonorific = "SpouseHonorific";
    public const string SpouseFirstName = "SpouseFirstName";
    public const string SpouseLastName = "SpouseLastName";

    public static readonly string[] All =
    [
        Organization, OrganizationType, Country, Honorific, FirstName, LastName, Position, DiplomaticRank,
        HeadOfMissionClass, CredentialsPresented, Email, Phone, Language, Category, Tags,
        LatinName, NameOrder, HeadOfOrganization, SpouseHonorific, SpouseFirstName, SpouseLastName,
    ];

    /// <summary>"First name", "FIRST_NAME" and "first-name" all become "firstname".</summary>
    public static string Key(string header) => ContactRules.Key(header);

    private static readonly Dictionary<string, string> ByKey = All.ToDictionary(Key);

    /// <summary>Which known column each header is (null for an unknown one).</summary>
    public static string?[] Match(string[] headers) =>
        [.. headers.Select(h => ByKey.GetValueOrDefault(Key(h)))];
}
