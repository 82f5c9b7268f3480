using System.IO.Compression;
using System.Xml;

namespace Chancery.Domain.Contacts.Import;

/// <summary>
/// Looks over an XLSX workbook before the spreadsheet library parses it. A workbook is a zip of XML, and a small one
/// can unpack to gigabytes, declare 16,384 columns, or hold millions of empty rows: the library then spent minutes of
/// CPU and hundreds of MB on it. This reads the zip's XML as a stream, counting what it reads (bytes, rows, columns,
/// cells) against <see cref="ImportLimits"/>, and stops at the first limit passed, so a hostile file is refused in a
/// fraction of a second. It trusts nothing the zip declares about itself: sizes are counted as the bytes come out.
/// </summary>
internal static class WorkbookGuard
{
    public static void Check(byte[] content, ImportLimits limits, CancellationToken ct)
    {
        using var zip = Open(content);
        if (zip.Entries.Count > limits.MaxWorkbookParts)
        {
            throw new Sheet.UnreadableException($"The workbook has {zip.Entries.Count:N0} parts; a contacts list has a few dozen at most.");
        }
        var budget = new Budget(limits, ct);
        // Every part is unpacked and counted, and every XML part read as a sheet would be: the workbook's own
        // relationships say where its sheets are, and a hostile one need not keep them in xl/worksheets/.
        // Shared strings first: a cell that uses one is charged that string's length, however often it is used.
        var ordered = zip.Entries.OrderBy(e => e.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ? 0 : 1);
        foreach (var entry in ordered)
        {
            // The spreadsheet library reads any part under xl/worksheets/ as a sheet, whatever its name ends with.
            var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
            budget.Read(entry, isXml ? new SheetCount(limits, budget) : null);
        }
    }

    private static ZipArchive Open(byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new Sheet.UnreadableException("The file is named .xlsx but is not an Excel workbook (its zip is damaged).");
        }
    }

    /// <summary>The bytes the whole workbook may unpack to and the cells its sheets may hold, shared by its parts.</summary>
    private sealed class Budget(ImportLimits limits, CancellationToken ct)
    {
        private long _left = limits.MaxWorkbookBytes;
        private long _cells;
        private long _text = limits.MaxWorkbookBytes;

        /// <summary>Lengths of the shared strings, by index, as sharedStrings.xml lists them.</summary>
        public List<int> SharedStrings { get; } = [];

        /// <summary>Charges the text a cell shows: a shared string used a million times is read a million times.</summary>
        public void CountText(long characters)
        {
            _text -= characters;
            if (_text < 0)
            {
                throw new Sheet.UnreadableException($"The workbook's cells hold more than {limits.MaxWorkbookBytes / (1024 * 1024):N0} MB of text in all; a contacts list holds far less.");
            }
        }

        public void CountCell()
        {
            if (++_cells > limits.MaxCells)
            {
                throw new Sheet.UnreadableException($"The workbook has more than {limits.MaxCells:N0} cells; a contacts list needs far fewer. Remove the columns you do not import, or split the file.");
            }
        }

        public void Read(ZipArchiveEntry entry, SheetCount? sheet)
        {
            try
            {
                using var stream = new Counted(entry.Open(), this);
                if (sheet is null)
                {
                    stream.CopyTo(Stream.Null);
                    return;
                }
                using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.Element)
                    {
                        sheet.See(xml);
                    }
                    else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                    {
                        sheet.Text(xml.Value);
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or XmlException)
            {
                throw new Sheet.UnreadableException($"The workbook is damaged ({entry.FullName}: {e.Message}).");
            }
        }

        public void Spend(int bytes)
        {
            ct.ThrowIfCancellationRequested();
            _left -= bytes;
            if (_left < 0)
            {
                throw new Sheet.UnreadableException(
                    $"The workbook unpacks to more than {limits.MaxWorkbookBytes / (1024 * 1024):N0} MB; a contacts list of {limits.MaxRows:N0} rows is far smaller. Save it again from Excel, or export it as CSV.");
            }
        }
    }

    /// <summary>Rows and columns of one worksheet, and its cells, counted as its XML streams past; blank rows count too.</summary>
    private sealed class SheetCount(ImportLimits limits, Budget budget)
    {
        private int _rows;
        private int _cellsInRow;
        private string? _element;
        private bool _sharedCell;

        /// <summary>A text node: a shared string's length is noted, a cell's text is charged.</summary>
        public void Text(string value)
        {
            if (value.Length > MaxCellCharacters)
            {
                throw new Sheet.UnreadableException($"A cell holds more than {MaxCellCharacters:N0} characters, more than Excel itself allows.");
            }
            switch (_element)
            {
                case "t" when _inSharedString:
                    budget.SharedStrings[^1] += value.Length;
                    break;
                case "v" when _sharedCell:
                    if (int.TryParse(value, out var index) && index >= 0 && index < budget.SharedStrings.Count)
                    {
                        budget.CountText(budget.SharedStrings[index]);
                    }
                    break;
                default:
                    budget.CountText(value.Length);
                    break;
            }
        }

        private const int MaxCellCharacters = 32_767;
        private bool _inSharedString;

        public void See(XmlReader xml)
        {
            // SpreadsheetML's own elements only (transitional or strict); a chart's or a drawing's are left alone.
            if (!xml.NamespaceURI.EndsWith("spreadsheetml/main", StringComparison.Ordinal) && !xml.NamespaceURI.EndsWith("spreadsheetml/2006/main", StringComparison.Ordinal))
            {
                return;
            }
            _element = xml.LocalName;
            switch (xml.LocalName)
            {
                case "si":
                    _inSharedString = true;
                    budget.SharedStrings.Add(0);
                    break;
                case "dimension" when Columns(xml.GetAttribute("ref")) is { } columns && columns > limits.MaxColumns:
                    throw TooManyColumns();
                case "row":
                    _cellsInRow = 0;
                    // The header is a row; MaxRows counts the rows below it. A row's number counts too: the library
                    // fills every row of a gap ("row 50,001" after row 1 is 50,000 rows).
                    if (++_rows > limits.MaxRows + 1 || (int.TryParse(xml.GetAttribute("r"), out var number) && number > limits.MaxRows + 1))
                    {
                        throw new Sheet.UnreadableException($"The sheet has more than {limits.MaxRows:N0} rows (blank rows count too); split it into smaller files.");
                    }
                    break;
                case "c":
                    budget.CountCell();
                    _sharedCell = xml.GetAttribute("t") == "s";
                    // A cell without a reference takes the next column.
                    if (++_cellsInRow > limits.MaxColumns || Column(xml.GetAttribute("r")) > limits.MaxColumns)
                    {
                        throw TooManyColumns();
                    }
                    break;
            }
        }

        private Sheet.UnreadableException TooManyColumns() =>
            new($"The sheet uses more than {limits.MaxColumns} columns; the import reads at most {limits.MaxColumns}. Remove the columns you do not import.");

        // "A1:XFD20" → 16384: the widest column of a range.
        private static int? Columns(string? range) => range is null ? null : range.Split(':').Max(Column);

        // "XFD20" → 16384; 0 when there is no column letter.
        private static int Column(string? reference)
        {
            var column = 0;
            foreach (var ch in reference ?? "")
            {
                var letter = char.ToUpperInvariant(ch);
                if (letter is < 'A' or > 'Z')
                {
                    break;
                }
                column = column > 100_000 ? column : column * 26 + (letter - 'A' + 1);
            }
            return column;
        }
    }

    /// <summary>Passes a part's unpacked bytes through, charging each to the budget.</summary>
    private sealed class Counted(Stream inner, Budget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
