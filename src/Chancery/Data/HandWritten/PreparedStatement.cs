using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chancery.Data.HandWritten;

/// <summary>
/// One statement made once and run many times on its connection (in the context's current transaction:
/// <see cref="Enlist"/>), its parameters typed as the model maps each column (a Guid as SQLite's upper-case text, a
/// time through its converter, an enum as its name). For the door's batches of many small writes, where EF Core's own
/// path — a command built, its SQL formatted and its parameters typed again on every run, a statement per row —
/// cost more than the database's work. Only inside this folder, behind the fence docs/architecture.md draws:
/// everything else goes through EF Core, its mission filter, its save hooks and its audit.
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, ValueConverter? Converter)[] _parameters;
    // A statement over rows (ForRows): each row column's converter; null for a statement of single values.
    private readonly ValueConverter?[]? _rowColumns;

    private PreparedStatement(DbCommand command, (DbParameter, ValueConverter?)[] parameters, ValueConverter?[]? rowColumns) =>
        (_command, _parameters, _rowColumns) = (command, parameters, rowColumns);

    /// <summary>
    /// <paramref name="sql"/> with <c>{table}</c> for <typeparamref name="TEntity"/>'s table, <c>{Name}</c> for one of
    /// its properties' column and <c>@Name</c> for its value, and <c>{Organization}</c>, <c>{Organization.Name}</c>
    /// for another entity's table and columns; <see cref="ReadAsync"/> takes the values in
    /// the order of <paramref name="parameters"/>.
    /// </summary>
    public static PreparedStatement For<TEntity>(DbContext db, string sql, params string[] parameters)
    {
        var entity = Entity<TEntity>(db);
        var command = Make(db, entity, sql);
        var bound = new (DbParameter, ValueConverter?)[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var property = Property(entity, parameters[i]);
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, "@" + property.Name, null, property.IsNullable);
            command.Parameters.Add(parameter);
            bound[i] = (parameter, mapping.Converter);
        }
        return new PreparedStatement(command, bound, rowColumns: null);
    }

    /// <summary>
    /// A statement over many rows at once, as a batch of a group commit needs: <c>{rows}</c> in <paramref name="sql"/>
    /// is a table of the rows given to <see cref="RunRowsAsync"/> or <see cref="ReadRowsAsync"/>, its columns named
    /// as <typeparamref name="TEntity"/>'s properties in <paramref name="columns"/> (<c>r.{GuestId}</c> after
    /// <c>{rows} r</c>) and typed as their columns; the rest as in <see cref="For{TEntity}"/>. The rows travel as one
    /// JSON parameter, unpacked by the database (SQLite's <c>json_each</c>, PostgreSQL's <c>jsonb_array_elements</c>),
    /// so one statement, compiled once, writes a batch of any size: a statement per row cost more in the driver than
    /// the database's own work.
    /// </summary>
    public static PreparedStatement ForRows<TEntity>(DbContext db, string sql, params string[] columns)
    {
        var entity = Entity<TEntity>(db);
        var quote = db.GetService<ISqlGenerationHelper>();
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var properties = columns.Select(c => Property(entity, c)).ToArray();
        // Text as text, not as its column's varchar(n): storing it checks the length, where a cast would cut it short.
        var unpacked = string.Join(", ", properties.Select((p, i) => postgres
            ? $"CAST(value ->> {i} AS {(p.ClrType == typeof(string) ? "text" : p.GetColumnType())}) AS {quote.DelimitIdentifier(p.GetColumnName())}"
            : $"value ->> {i} AS {quote.DelimitIdentifier(p.GetColumnName())}"));
        // In the rows' order, which callers choose (the door writes in the order of the unique keys, against deadlocks).
        var rows = postgres
            ? $"(SELECT {unpacked} FROM jsonb_array_elements(CAST(@rows AS jsonb)) WITH ORDINALITY AS e(value, n) ORDER BY n)"
            : $"(SELECT {unpacked} FROM json_each(@rows) ORDER BY key)";
        var command = Make(db, entity, sql.Replace("{rows}", rows, StringComparison.Ordinal));
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@rows";
        parameter.DbType = DbType.String;
        command.Parameters.Add(parameter);
        return new PreparedStatement(command, [(parameter, null)], properties.Select(p => p.GetRelationalTypeMapping().Converter).ToArray());
    }

    private static IEntityType Entity<TEntity>(DbContext db) =>
        db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");

    private static DbCommand Make(DbContext db, IEntityType entity, string sql)
    {
        var quote = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = sql.Replace("{table}", Table(quote, entity), StringComparison.Ordinal);
        foreach (var property in entity.GetProperties())
        {
            text = text.Replace("{" + property.Name + "}", quote.DelimitIdentifier(property.GetColumnName()), StringComparison.Ordinal);
        }
        foreach (var other in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && text.Contains("{" + e.ClrType.Name, StringComparison.Ordinal)))
        {
            text = text.Replace("{" + other.ClrType.Name + "}", Table(quote, other), StringComparison.Ordinal);
            foreach (var property in other.GetProperties())
            {
                text = text.Replace("{" + other.ClrType.Name + "." + property.Name + "}", quote.DelimitIdentifier(property.GetColumnName()), StringComparison.Ordinal);
            }
        }
        command.CommandText = text;
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }
        return command;
    }

    private static IProperty Property(IEntityType entity, string name) =>
        entity.FindProperty(name) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no {name}.");

    private static string Table(ISqlGenerationHelper quote, IEntityType entity) => quote.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    /// <summary>Joins the context's current transaction (a statement kept from one transaction to the next).</summary>
    public void Enlist(DbContext db) => _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>Runs the query with these values; its rows, to read and dispose of before the statement runs again.</summary>
    public Task<DbDataReader> ReadAsync(CommandBehavior behavior, params object?[] values)
    {
        Bind(values);
        return _command.ExecuteReaderAsync(behavior);
    }

    /// <summary>Runs a statement over rows (<see cref="ForRows{TEntity}"/>) with these rows, each its values in the order of the columns; the number of rows it wrote.</summary>
    public Task<int> RunRowsAsync(IEnumerable<object?[]> rows)
    {
        BindRows(rows);
        return _command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query over rows (<see cref="ForRows{TEntity}"/>) with these rows; its result, to read and dispose of before the statement runs again.</summary>
    public Task<DbDataReader> ReadRowsAsync(IEnumerable<object?[]> rows)
    {
        BindRows(rows);
        return _command.ExecuteReaderAsync();
    }

    // Each value as the column stores it (a time through SQLite's converter to a number, an enum as its name), a
    // Guid in upper case as SQLite keeps it (PostgreSQL reads either).
    private void BindRows(IEnumerable<object?[]> rows)
    {
        var columns = _rowColumns ?? throw new InvalidOperationException("Not a statement over rows: use ReadAsync.");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                for (var i = 0; i < columns.Length; i++)
                {
                    switch (row[i] is { } v ? columns[i]?.ConvertToProvider(v) ?? v : null)
                    {
                        case null: json.WriteNullValue(); break;
                        case string text: json.WriteStringValue(text); break;
                        case Guid id: json.WriteStringValue(id.ToString("D").ToUpperInvariant()); break;
                        case bool yes: json.WriteBooleanValue(yes); break;
                        case byte n: json.WriteNumberValue(n); break;
                        case int n: json.WriteNumberValue(n); break;
                        case long n: json.WriteNumberValue(n); break;
                        case DateTimeOffset at: json.WriteStringValue(at); break;
                        case var other: throw new NotSupportedException($"A {other.GetType().Name} in a row.");
                    }
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        _parameters[0].Parameter.Value = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var (parameter, converter) = _parameters[i];
            parameter.Value = values[i] is { } v ? converter?.ConvertToProvider(v) ?? v : DBNull.Value;
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

/// <summary>A prepared read's nullable columns, read the way the model stores them (an enum as its name).</summary>
public static class PreparedRows
{
    public static string? TextOrNull(this DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static T? EnumOrNull<T>(this DbDataReader row, int ordinal) where T : struct, Enum => row.IsDBNull(ordinal) ? null : Enum.Parse<T>(row.GetString(ordinal));
}
