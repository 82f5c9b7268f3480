namespace Chancery.Domain.Contacts.Import;

/// <summary>What one contacts import may hold (<c>Import</c> in settings).</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The refusal of a file of <paramref name="bytes"/>, the same wherever it is caught.</summary>
    public string TooLarge(long bytes) =>
        $"The file is {bytes / 1024:N0} KB; the limit is {MaxFileBytes / 1024:N0} KB. Split it into smaller files.";

    /// <summary>Rows below the header; in a workbook, blank rows count too.</summary>
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Columns a workbook may use (the import reads about twenty).</summary>
    public int MaxColumns { get; set; } = 64;

    /// <summary>Cells a workbook's sheets may hold in all: 50,000 rows of 20 columns.</summary>
    public long MaxCells { get; set; } = 1_000_000;

    /// <summary>What a workbook may unpack to, counted as it unpacks (a zip's own sizes can lie).</summary>
    public long MaxWorkbookBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Files inside a workbook's zip.</summary>
    public int MaxWorkbookParts { get; set; } = 500;
}
