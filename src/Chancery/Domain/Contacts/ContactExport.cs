using System.Globalization;
using System.Text;
using Chancery.Domain.Contacts.Import;
using CsvHelper;
using MiniExcelLibs;

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

    public static byte[] Csv(IEnumerable<Contact> contacts)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.Preamble); // Excel reads UTF-8 (Arabic, Chinese) right only with a BOM
        using (var writer = CsvWriter.Create(buffer, new CsvWriterOptions(), leaveOpen: true))
        {
            writer.WriteRecord(ImportColumns.All);
            foreach (var c in contacts)
            {
                writer.WriteRecord([.. Cells(c).Select(Spreadsheet.Safe)]);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<Contact> contacts)
    {
        var rows = contacts.Select(c =>
        {
            var cells = Cells(c);
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < ImportColumns.All.Length; i++)
            {
                row[ImportColumns.All[i]] = Spreadsheet.Safe(cells[i]);
            }
            return row;
        }).ToList();
        using var buffer = new MemoryStream();
        if (rows.Count == 0)
        {
            rows.Add(ImportColumns.All.ToDictionary(k => k, _ => (object?)""));
        }
        buffer.SaveAs(rows, sheetName: "Contacts");
        return buffer.ToArray();
    }
}
