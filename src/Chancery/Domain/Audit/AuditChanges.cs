using System.Text.Json;

namespace Chancery.Domain.Audit;

/// <summary>One changed field of an audit entry, for reading by people.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

public static class AuditChanges
{
    /// <summary>Reads <see cref="AuditEntry.Changes"/> (<c>{"Field": [before, after]}</c>) back into a list.</summary>
    public static IReadOnlyList<AuditChange> Read(string json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        return doc.RootElement.EnumerateObject()
            .Select(p => new AuditChange(p.Name, Text(p.Value[0]), Text(p.Value[1])))
            .ToList();
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
