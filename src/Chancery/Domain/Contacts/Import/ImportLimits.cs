namespace Chancery.Domain.Contacts.Import;

/// <summary>Bound from <c>Import</c>: how big a file and how many rows one import may have.</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxRows { get; set; } = 50_000;
}
