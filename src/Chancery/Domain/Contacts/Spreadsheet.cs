using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Chancery.Domain.Contacts;

/// <summary>
/// Cells beginning with =, +, -, @ (or a tab or carriage return) are formulas to a spreadsheet: an exported
/// "=HYPERLINK(...)" in a guest's name would run on the office's computer. Export prefixes them with an
/// apostrophe (OWASP's advice); import takes that apostrophe off again, so a file round-trips.
/// </summary>
public static class Spreadsheet
{
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Formula-safe, and without what XML cannot carry (an XLSX cell is XML; CSV gets the same cell).</summary>
    public static string Safe(string? value) =>
        string.IsNullOrEmpty(value) ? "" : IsTrigger(value[0]) ? "'" + Text.Fit(value) : Text.Fit(value);

    public static string? Unescape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && IsTrigger(value[1]) ? value[1..] : value;

    /// <summary>A CSV file of <paramref name="rows"/> under <paramref name="header"/>, every cell formula-safe.</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.Preamble); // Excel reads UTF-8 (Arabic, Chinese) right only with a BOM
        using (var writer = CsvWriter.Create(buffer, new CsvWriterOptions(), leaveOpen: true))
        {
            writer.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                writer.WriteRecord([.. row.Select(Safe)]);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>An XLSX workbook of these sheets (name, header, rows), every text cell formula-safe, numbers kept numbers; an empty sheet keeps its header.</summary>
    public static byte[] Xlsx(params (string Name, IReadOnlyList<string> Header, IEnumerable<object?[]> Rows)[] sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var (name, header, rows) in sheets)
        {
            var table = rows.Select(cells =>
            {
                var row = new Dictionary<string, object?>();
                for (var i = 0; i < header.Count; i++)
                {
                    row[header[i]] = cells[i] is string text ? Safe(text) : cells[i];
                }
                return row;
            }).ToList();
            if (table.Count == 0)
            {
                table.Add(header.ToDictionary(k => k, _ => (object?)""));
            }
            book[name] = table;
        }
        using var buffer = new MemoryStream();
        buffer.SaveAs(book);
        return buffer.ToArray();
    }
}
