namespace Chancery.Domain.Contacts.Import;

/// <summary>A bad cell: the file's row number (header = 1), the column as the file writes it, and what is wrong.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>What one good row will do (or did): create a person, update named fields, or nothing.</summary>
public sealed record ImportRowOutcome(int Row, string Name, string? Organization, ImportAction Action, IReadOnlyList<string> ChangedFields);

public enum ImportAction
{
    Create,
    Update,
    Unchanged,
}

/// <summary>The result of checking (and, on confirmation, applying) a file.</summary>
public sealed class ImportReport
{
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    /// <summary>Not fatal: unknown columns, for instance.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyList<string> NewOrganizations { get; init; } = [];
    public IReadOnlyList<string> NewCategories { get; init; } = [];
    /// <summary>Organizations already there whose type or country the file changes.</summary>
    public IReadOnlyList<string> UpdatedOrganizations { get; init; } = [];
    /// <summary>Whether applying the file would change anything at all.</summary>
    public bool ChangesSomething => Created + Updated + UpdatedOrganizations.Count > 0;
    public IReadOnlyList<ImportRowOutcome> Rows { get; init; } = [];
    public bool Applied { get; init; }
    public bool IsValid => Errors.Count == 0;
}
