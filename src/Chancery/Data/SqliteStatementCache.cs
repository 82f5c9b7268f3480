using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Data;

/// <summary>
/// SQLite compiles a statement before it runs it, and for a one-record read compiling was a quarter of the request.
/// Microsoft.Data.Sqlite keeps a compiled statement only while its command object lives on an open connection
/// (efcore#14044), while EF Core makes a new command for every query and closes the connection after it. So each
/// unit of work borrows a connection from this pool that stays open for good (<see cref="SqliteConnectionLease"/>),
/// and each such connection keeps the commands it has run, by their SQL: a query runs on the kept, compiled command
/// with the new parameter values instead of being compiled again. Per connection, once: the page cache (SQLite keeps
/// 2 MB per connection by default; the directory's index for 20,000 people is larger, and re-reading it on every
/// search doubled search times).
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor, IDisposable
{
    private const string ConnectionPragmas = "PRAGMA cache_size = -65536;";
    // Enough for every query the app runs (a few dozen texts); the rest, SaveChanges batches of every size, are evicted.
    private const int StatementsPerConnection = 128;
    private const int IdleConnections = 32;
    // At most this many connections keep statements (each up to StatementsPerConnection compiled, a few MB with its
    // page cache); a burst beyond borrows plain connections that compile as they go and close when handed back.
    public const int KeptConnections = 64;

    private readonly ConcurrentBag<KeptConnection> _idle = [];
    private readonly ConditionalWeakTable<SqliteConnection, KeptConnection> _kept = [];
    private int _idleCount;
    private int _keptCount;
    private volatile bool _disposed;

    /// <summary>An open connection for one unit of work; hand it back with <see cref="Return"/>.</summary>
    internal SqliteConnection Rent(string connectionString)
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle.Connection;
        }
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
        }
        if (Interlocked.Increment(ref _keptCount) <= KeptConnections)
        {
            _kept.Add(connection, new KeptConnection(connection, () => Interlocked.Decrement(ref _keptCount)));
        }
        else
        {
            Interlocked.Decrement(ref _keptCount);
        }
        return connection;
    }

    /// <summary>
    /// Takes a connection back. One left inside a transaction (a unit of work that failed half-way) or closed is
    /// not lent again.
    /// </summary>
    internal void Return(SqliteConnection connection)
    {
        if (!_kept.TryGetValue(connection, out var kept))
        {
            connection.Dispose();
            return;
        }
        // A reader left open would hold its read snapshot for the next borrower.
        var clean = connection.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0 && !kept.IsReading;
        if (clean && !_disposed && Interlocked.Increment(ref _idleCount) <= IdleConnections)
        {
            _idle.Add(kept);
            if (_disposed)
            {
                Dispose(); // shut down while this one came back: it must not stay open in the bag
            }
            return;
        }
        if (clean && !_disposed)
        {
            Interlocked.Decrement(ref _idleCount);
        }
        kept.Dispose();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        !result.HasResult && Kept(command) is { } kept
            ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.Execute())
            : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    // Writes too (ExecuteUpdate, ExecuteDelete, raw SQL through EF Core): compiling a write costs as much as running it.
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        !result.HasResult && Kept(command) is { } kept
            ? InterceptionResult<int>.SuppressWithResult(kept.Command.ExecuteNonQuery())
            : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    private KeptCommand? Kept(DbCommand command) =>
        command is SqliteCommand { Connection: { } connection } sqlite && _kept.TryGetValue(connection, out var kept)
            ? kept.For(sqlite)
            : null;

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var kept))
        {
            kept.Dispose();
        }
    }

    /// <summary>How many connections keep their statements now, lent or idle (at most <see cref="KeptConnections"/>).</summary>
    public int KeptNow => Volatile.Read(ref _keptCount);

    /// <summary>An open connection and the compiled commands it keeps. Used by one unit of work at a time.</summary>
    private sealed class KeptConnection(SqliteConnection connection, Action disposed) : IDisposable
    {
        private readonly Dictionary<string, KeptCommand> _commands = [];
        private long _uses;

        public SqliteConnection Connection { get; } = connection;

        public bool IsReading => _commands.Values.Any(c => c.Reader is { IsClosed: false });

        /// <summary>The kept command for <paramref name="command"/>'s SQL, given its parameters; null while that one is still being read.</summary>
        public KeptCommand? For(SqliteCommand command)
        {
            if (!_commands.TryGetValue(command.CommandText, out var kept))
            {
                if (_commands.Count >= StatementsPerConnection)
                {
                    if (_commands.Values.Where(c => c.Reader is not { IsClosed: false }).MinBy(c => c.LastUse) is not { } oldest)
                    {
                        return null;
                    }
                    _commands.Remove(oldest.Command.CommandText);
                    oldest.Command.Dispose();
                }
                kept = new KeptCommand(new SqliteCommand(command.CommandText, Connection));
                _commands.Add(command.CommandText, kept);
            }
            if (kept.Reader is { IsClosed: false })
            {
                return null;
            }
            kept.LastUse = ++_uses;
            kept.Command.Transaction = (SqliteTransaction?)command.Transaction;
            kept.Command.CommandTimeout = command.CommandTimeout;
            // The query's own parameter objects, as EF Core made them: copies would lose what they infer (a Guid's
            // Size reads 0, and an explicit 0 cuts the text to nothing).
            kept.Command.Parameters.Clear();
            foreach (SqliteParameter parameter in command.Parameters)
            {
                kept.Command.Parameters.Add(parameter);
            }
            return kept;
        }

        public void Dispose()
        {
            foreach (var kept in _commands.Values)
            {
                kept.Command.Dispose();
            }
            _commands.Clear();
            Connection.Dispose();
            disposed();
        }
    }

    private sealed class KeptCommand(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;
        public SqliteDataReader? Reader { get; private set; }
        public long LastUse { get; set; }

        public SqliteDataReader Execute() => Reader = Command.ExecuteReader();
    }
}

/// <summary>The unit of work's open SQLite connection, from <see cref="SqliteStatementCache"/>; handed back when the unit of work ends.</summary>
public sealed class SqliteConnectionLease(SqliteStatementCache cache, SqliteConnectionLease.Source source) : IDisposable
{
    /// <summary>The database file's connection string.</summary>
    public sealed record Source(string ConnectionString);

    private SqliteConnection? _connection;

    public SqliteConnection Connection => _connection ??= cache.Rent(source.ConnectionString);

    public void Dispose()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            cache.Return(connection);
        }
    }
}
