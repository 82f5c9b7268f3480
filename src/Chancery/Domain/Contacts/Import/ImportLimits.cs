namespace Chancery.Domain.Contacts.Import;

/// <summary>What one contacts import may hold (<c>Import</c> in settings).</summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    [System.ComponentModel.DataAnnotations.Range(1024, 1L << 30, ErrorMessage = "Import:MaxFileBytes must be between 1 KB and 1 GB.")]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The refusal of a file of <paramref name="bytes"/>, the same wherever it is caught.</summary>
    public string TooLarge(long bytes) =>
        $"The file is {bytes / 1024:N0} KB; the limit is {MaxFileBytes / 1024:N0} KB. Split it into smaller files.";

    /// <summary>Rows below the header; in a workbook, blank rows count too.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "Import:MaxRows must be between 1 and 1,000,000.")]
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Columns a workbook may use (the import reads about twenty).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 16_384, ErrorMessage = "Import:MaxColumns must be between 1 and 16,384.")]
    public int MaxColumns { get; set; } = 64;

    /// <summary>Cells a workbook's sheets may hold in all: 50,000 rows of 20 columns.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000_000, ErrorMessage = "Import:MaxCells must be between 1 and 100,000,000.")]
    public long MaxCells { get; set; } = 1_000_000;

    /// <summary>What a workbook may unpack to, counted as it unpacks (a zip's own sizes can lie).</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 1L << 32, ErrorMessage = "Import:MaxWorkbookBytes must be between 1 KB and 4 GB.")]
    public long MaxWorkbookBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Files inside a workbook's zip.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000, ErrorMessage = "Import:MaxWorkbookParts must be between 1 and 100,000.")]
    public int MaxWorkbookParts { get; set; } = 500;
}
