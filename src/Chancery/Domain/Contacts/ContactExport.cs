using System.Globalization;
using Chancery.Domain.Contacts.Import;

namespace Chancery.Domain.Contacts;

/// <summary>Writes people in the import format (so an export can be edited and imported back), formula-safe.</summary>
public static class ContactExport
{
    private static string?[] Cells(Contact c) =>
    [
        c.Organization?.Name, c.Organization?.Type.ToString(), c.Organization?.Country, c.Honorific, c.FirstName, c.LastName,
        c.Position, c.DiplomaticRank, c.HeadOfMissionClass?.ToString(),
        c.CredentialsPresented is { } d ? d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
        c.Email, c.Phone, c.Language, c.Category?.Name, string.Join(";", c.Tags),
        c.LatinName, c.NameOrder?.ToString(), c.HeadsInternationalOrganization ? "yes" : null, c.SpouseHonorific, c.SpouseFirstName, c.SpouseLastName,
    ];

    public static byte[] Csv(IEnumerable<Contact> contacts) => Spreadsheet.Csv(ImportColumns.All, contacts.Select(Cells));

    public static byte[] Xlsx(IEnumerable<Contact> contacts) => Spreadsheet.Xlsx(("Contacts", ImportColumns.All, contacts.Select(Cells)));
}
