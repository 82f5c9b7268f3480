using System.Collections.Concurrent;
using Chancery.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Chancery.Data;

/// <summary>
/// Each text field's length is declared once, in the model (<c>HasMaxLength</c>), and read from there by every check:
/// the services that name the field as the form or API calls it, the import that names the row and column, and
/// the guard every save passes (<see cref="SaveHooks"/>). PostgreSQL would refuse an over-long value with an error
/// the user cannot read, and SQLite would store a megabyte: neither gets the chance.
/// </summary>
public static class FieldLengths
{
    private static readonly ConcurrentDictionary<IEntityType, (IProperty Property, int Max, bool Machine)[]> Bounded = new();

    /// <summary>
    /// The annotation of a column Chancery writes itself, never from what someone typed (a key joined by separator
    /// controls): only its length and NUL are checked.
    /// </summary>
    public const string MachineText = "Chancery:MachineText";


    /// <summary>The longest <typeparamref name="TEntity"/>.<paramref name="property"/> may be.</summary>
    public static int Max<TEntity>(this ChanceryDb db, string property) =>
        db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength()
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} has no maximum length in the model.");

    /// <summary>The refusal for a value over <paramref name="max"/>, in words; null when it fits.</summary>
    /// <remarks><paramref name="machineText"/>: a column of <see cref="MachineText"/>, checked for NUL only.</remarks>
    public static string? TooLong(string? value, int max, string label, bool machineText = false) =>
        value is null ? null
        : (machineText ? value.IndexOf('\0', StringComparison.Ordinal) : Domain.Contacts.Text.FirstUnfit(value)) is >= 0 and var at ? $"{label} contains {Domain.Contacts.Text.Describe(value, at)}, which no text may hold; remove it."
        : value.Length > max && Length(value) > max ? $"{label} is at most {max:N0} characters; this one has {Length(value):N0}."
        : null;

    /// <summary>Characters as the database counts them (code points): an emoji is one, not two UTF-16 units.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    /// <summary>Adds <paramref name="field"/>'s refusal to <paramref name="errors"/> when its value is longer than the model allows for <typeparamref name="TEntity"/>.<paramref name="property"/>.</summary>
    public static void Check<TEntity>(this ChanceryDb db, Dictionary<string, string[]> errors, string field, string? value, string? property = null)
    {
        if (TooLong(value?.Trim(), db.Max<TEntity>(property ?? field), Label(property ?? field)) is { } message)
        {
            errors.TryAdd(field, [message]);
        }
    }

    /// <summary>"DiplomaticRank" as a person reads it: "Diplomatic rank"; a name's parts as the forms call them.</summary>
    public static string Label(string property) => property switch
    {
        "FirstName" => "Given name",
        "LastName" => "Family name",
        "SpouseFirstName" => "Spouse's given name",
        "SpouseLastName" => "Spouse's family name",
        _ => Infrastructure.Words.Of(property),
    };

    /// <summary>The last guard: refuses the save (nothing is written) when any added or changed row holds text over its length.</summary>
    internal static void Guard(IEnumerable<EntityEntry> changed)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var entry in changed.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var (property, max, machine) in Bounded.GetOrAdd(entry.Metadata, BoundedProperties))
            {
                // Of a changed row only what changed: text stored long before this guard must not block other edits.
                var field = entry.Property(property);
                if ((entry.State == EntityState.Added || field.IsModified) && field.CurrentValue is string value
                    && TooLong(value, max, Label(property.Name), machine) is { } message)
                {
                    (errors ??= []).TryAdd(property.Name, [message]);
                }
            }
        }
        if (errors is not null)
        {
            throw new DomainException(errors, $"Nothing was saved: {string.Join(" ", errors.Values.SelectMany(m => m))}");
        }
    }

    // Every text column: the unbounded ones (an audit entry's changes) are checked for what no text may hold (Text.FirstUnfit).
    private static (IProperty, int, bool)[] BoundedProperties(IEntityType type) =>
        [.. type.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => (p, p.GetMaxLength() ?? int.MaxValue, p.FindAnnotation(MachineText) is not null))];

}
