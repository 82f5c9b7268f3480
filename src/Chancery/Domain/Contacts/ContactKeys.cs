namespace Chancery.Domain.Contacts;

/// <summary>The keys by which the directory knows a person is already there, the same for the import and the form.</summary>
public static class ContactKeys
{
    public const int NameKeyLength = 700;

    /// <summary>Folded first and last name at the organization (by id, so a renamed organization keeps its people's keys).</summary>
    public static string Name(string? first, string? last, Guid? organizationId)
    {
        var key = $"{Text.Fold(first)}\u001f{Text.Fold(last)}\u001f{organizationId}";
        return key.Length <= NameKeyLength ? key : key[..NameKeyLength];
    }

    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
