using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chancery.Data;

/// <summary>
/// One write statement made once and run for many rows (in the context's current transaction: <see cref="Enlist"/>), its parameters typed
/// as the model maps each column (a Guid as SQLite's upper-case text, a time through its converter, an enum as its
/// name): for a batch of many small writes EF Core's own path — a command built, its SQL formatted and its
/// parameters typed again for every row — cost more than the database's work.
/// </summary>
public sealed class PreparedWrite : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, ValueConverter? Converter)[] _parameters;

    private PreparedWrite(DbCommand command, (DbParameter, ValueConverter?)[] parameters) => (_command, _parameters) = (command, parameters);

    /// <summary>
    /// <paramref name="sql"/> with <c>{table}</c> for <typeparamref name="TEntity"/>'s table, <c>{Name}</c> for a
    /// property's column and <c>@Name</c> for its value; <see cref="RunAsync"/> takes the values in the order of
    /// <paramref name="parameters"/>.
    /// </summary>
    public static PreparedWrite For<TEntity>(DbContext db, string sql, params string[] parameters)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var quote = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = sql.Replace("{table}", quote.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()), StringComparison.Ordinal);
        foreach (var property in entity.GetProperties())
        {
            text = text.Replace("{" + property.Name + "}", quote.DelimitIdentifier(property.GetColumnName()), StringComparison.Ordinal);
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
        return new PreparedWrite(command, bound);
    }

    /// <summary>Joins the context's current transaction (a statement kept from one transaction to the next).</summary>
    public void Enlist(DbContext db) => _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>Runs the statement with these values; the number of rows it wrote.</summary>
    public Task<int> RunAsync(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var (parameter, converter) = _parameters[i];
            parameter.Value = values[i] is { } v ? converter?.ConvertToProvider(v) ?? v : DBNull.Value;
        }
        return _command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
