using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;

namespace Chancery.Domain.Contacts.Import;

/// <summary>One data row of an uploaded file: its row number as the file counts it (header = 1) and its cells.</summary>
public sealed record SheetRow(int Row, string[] Cells);

/// <summary>An uploaded CSV or XLSX file read into header names and rows of text.</summary>
public sealed record Sheet(string[] Headers, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>Thrown for a file that cannot be read at all; the message is shown to the user.</summary>
    public sealed class UnreadableException(string message) : Exception(message);

    public static Sheet Read(byte[] content, string fileName, ImportLimits limits, CancellationToken ct = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(content, limits.MaxRows, ct),
            ".xlsx" => ReadXlsx(content, limits, ct),
            _ => throw new UnreadableException($"'{fileName}' is not a .csv or .xlsx file."),
        };
    }

    private static Sheet ReadCsv(byte[] content, int maxRows, CancellationToken ct)
    {
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new UnreadableException("The file is a spreadsheet (XLSX) named .csv; upload it as .xlsx.");
        }
        if (content.AsSpan().Contains((byte)0))
        {
            throw new UnreadableException("The file is not text: a CSV file must be UTF-8 text.");
        }
        if (!Utf8.IsValid(content))
        {
            throw new UnreadableException(NotUtf8(content));
        }
        try
        {
            using var reader = CsvReader.Create(content, new CsvReaderOptions { TrackLineNumbers = true });
            var headers = reader.Headers.ToArray();
            var rows = new List<SheetRow>();
            while (reader.Read())
            {
                ct.ThrowIfCancellationRequested();
                if (rows.Count == maxRows)
                {
                    throw new UnreadableException($"The file has more than {maxRows:N0} rows; split it into smaller files.");
                }
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }
                rows.Add(new SheetRow(checked((int)reader.LineNumber), cells));
            }
            return new Sheet(headers, rows);
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableException($"The CSV file is malformed: {e.Message}");
        }
    }

    // A file saved in a legacy code page (Excel's plain "CSV" on Windows writes ü as the single byte 0xFC) would
    // otherwise be stored with replacement characters in people's names. Say where the first such byte is, by row
    // and column as the user sees the file, and how to save it properly.
    private static string NotUtf8(byte[] content)
    {
        var decoded = new char[content.Length];
        Utf8.ToUtf16(content, decoded, out var offset, out _, replaceInvalidSequences: false);
        var before = content.AsSpan(0, offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var row = before.Count((byte)'\n') + 1;
        var headerLine = Encoding.UTF8.GetString(content.AsSpan(0, Math.Max(0, content.AsSpan().IndexOf((byte)'\n')))).Trim('\uFEFF', '\r');
        var delimiter = headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? (byte)';' : (byte)',';
        var (column, quoted) = (0, false);
        foreach (var b in content.AsSpan(lineStart, offset - lineStart))
        {
            (column, quoted) = b == (byte)'"' ? (column, !quoted) : b == delimiter && !quoted ? (column + 1, quoted) : (column, quoted);
        }
        var headers = headerLine.Split((char)delimiter);
        var name = column < headers.Length && row > 1 ? headers[column].Trim().Trim('"') : $"{column + 1}";
        return $"The file is not UTF-8 text: at row {row}, column {name} it has the byte 0x{content[offset]:X2}, which UTF-8 does not use. "
            + "Save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8) and upload it again; nothing was imported.";
    }

    private static Sheet ReadXlsx(byte[] content, ImportLimits limits, CancellationToken ct)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new UnreadableException("The file is named .xlsx but is not an Excel workbook.");
        }
        WorkbookGuard.Check(content, limits, ct);
        try
        {
            using var stream = new MemoryStream(content);
            string[]? headers = null;
            var rows = new List<SheetRow>();
            var rowNumber = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                ct.ThrowIfCancellationRequested();
                rowNumber++;
                var cells = row.Values.Select(Cell).ToArray();
                if (headers is null)
                {
                    headers = cells;
                    continue;
                }
                // Blank rows count: twenty million of them once passed a limit that counted only the filled ones.
                if (rowNumber > limits.MaxRows + 1)
                {
                    throw new UnreadableException($"The sheet has more than {limits.MaxRows:N0} rows (blank rows count too); split it into smaller files.");
                }
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                rows.Add(new SheetRow(rowNumber, cells));
            }
            return new Sheet(headers ?? [], rows);
        }
        catch (Exception e) when (e is not UnreadableException and not OperationCanceledException)
        {
            throw new UnreadableException($"The workbook could not be read: {e.Message}");
        }
    }

    // Excel keeps dates as dates and numbers as numbers; the import reads text.
    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
