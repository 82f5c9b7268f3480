using System.Text.Json;

namespace Chancery.Domain.Audit;

/// <summary>One changed field of an audit entry, for reading by people.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

public static class AuditChanges
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Writes <see cref="AuditEntry.Changes"/>: each field's value before and after, as every audited save records it.</summary>
    public static string Write(IReadOnlyDictionary<string, object?[]> changes) => JsonSerializer.Serialize(changes, Json);

    /// <summary>Reads <see cref="AuditEntry.Changes"/> (<c>{"Field": [before, after]}</c>, or <c>{"fact": value}</c> for explicit events) back into a list.</summary>
    public static IReadOnlyList<AuditChange> Read(string json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        return doc.RootElement.EnumerateObject()
            .Select(p => p.Value is { ValueKind: JsonValueKind.Array } v && v.GetArrayLength() == 2
                ? new AuditChange(p.Name, Text(v[0]), Text(v[1]))
                // Explicit events (an import, a seating run) record facts, not before and after.
                : new AuditChange(p.Name, null, Text(p.Value)))
            .ToList();
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
