using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chancery.Data;

/// <summary>
/// One statement made once and run many times on its connection (in the context's current transaction:
/// <see cref="Enlist"/>), its parameters typed as the model maps each column (a Guid as SQLite's upper-case text, a
/// time through its converter, an enum as its name). For the door's batches of many small writes, and for the
/// one-record read every client makes, EF Core's own path — a command built, its SQL formatted and its parameters
/// typed again on every run, then a shaper made into a fresh delegate for every execution — cost more than the
/// database's work. Only for those hot paths: everything else goes through EF Core and its mission filter.
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, PreparedStatement>> Kept = [];

    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, ValueConverter? Converter)[] _parameters;

    private PreparedStatement(DbCommand command, (DbParameter, ValueConverter?)[] parameters) => (_command, _parameters) = (command, parameters);

    /// <summary>
    /// <paramref name="sql"/> with <c>{table}</c> for <typeparamref name="TEntity"/>'s table, <c>{Name}</c> for one of
    /// its properties' column and <c>@Name</c> for its value, and <c>{Organization}</c>, <c>{Organization.Name}</c>
    /// for another entity's table and columns; <see cref="RunAsync"/> and <see cref="ReadAsync"/> take the values in
    /// the order of <paramref name="parameters"/>.
    /// </summary>
    public static PreparedStatement For<TEntity>(DbContext db, string sql, params string[] parameters)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
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
        var bound = new (DbParameter, ValueConverter?)[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var property = entity.FindProperty(parameters[i]) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no {parameters[i]}.");
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, "@" + property.Name, null, property.IsNullable);
            command.Parameters.Add(parameter);
            bound[i] = (parameter, mapping.Converter);
        }
        command.CommandText = text;
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }
        return new PreparedStatement(command, bound);
    }

    /// <summary>
    /// The statement <paramref name="key"/> of the context's connection, made the first time that connection runs it
    /// and kept with it (a pooled connection lives for many units of work; one unit of work uses it at a time).
    /// Open the connection first (<see cref="RelationalDatabaseFacadeExtensions.OpenConnectionAsync"/>). On SQLite
    /// only for a unit of work on a leased connection, which stays open for good (<see cref="SqliteStatementCache"/>):
    /// Microsoft.Data.Sqlite disposes a connection's commands when it closes, and a kept one would not be again.
    /// </summary>
    public static PreparedStatement On(DbContext db, string key, Func<DbContext, PreparedStatement> make)
    {
        var statements = Kept.GetValue(db.Database.GetDbConnection(), _ => []);
        if (!statements.TryGetValue(key, out var statement))
        {
            statement = make(db);
            statements.Add(key, statement);
        }
        statement.Enlist(db);
        return statement;
    }

    private static string Table(ISqlGenerationHelper quote, IEntityType entity) => quote.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    /// <summary>Joins the context's current transaction (a statement kept from one transaction to the next).</summary>
    public void Enlist(DbContext db) => _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>Runs the statement with these values; the number of rows it wrote.</summary>
    public Task<int> RunAsync(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs the query with these values; its rows, to read and dispose of before the statement runs again.</summary>
    public Task<DbDataReader> ReadAsync(CommandBehavior behavior, params object?[] values)
    {
        Bind(values);
        return _command.ExecuteReaderAsync(behavior);
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
