using Chancery.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chancery.Data;

/// <summary>
/// Two units of work that read, decide and write the same rows at once — two imports of one file, two clicks on
/// "add everyone" — meet at the database's unique indexes (or, on PostgreSQL, in a deadlock). The one that loses
/// is not an error of the user's: its work is done again on what the winner wrote, and only when that keeps
/// failing does the user hear of it, as a conflict that says to try again.
/// </summary>
public static class WriteConflicts
{
    public const int Attempts = 8;

    public const string Message = "Someone else was saving the same records at the same moment, so nothing was saved. Try again.";

    /// <summary>A unique index hit, a deadlock or a serialization failure: worth doing the unit of work again.</summary>
    /// <remarks>
    /// The database's own error is found however it is wrapped: in a DbUpdateException by SaveChanges, and that in
    /// an InvalidOperationException ("likely due to a transient failure") when PostgreSQL reports a deadlock.
    /// </remarks>
    public static bool IsConflict(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException p:
                    return p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
                case SqliteException s:
                    return s.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE or SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY;
            }
        }
        return false;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/>, and again (at most <see cref="Attempts"/> times in all) while it loses a race.
    /// Before each retry everything tracked is forgotten, so the work reads its rows afresh: it must decide from what
    /// it reads, so that a retry sees the winner's rows, never the lost attempt's. Refuses with a conflict when every
    /// attempt lost.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this ChanceryDb db, Func<Task<T>> attempt, CancellationToken ct = default)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (IsConflict(e))
            {
                db.AuditedInSummary.Clear();
                db.ChangeTracker.Clear();
                if (i == Attempts)
                {
                    throw new DomainException(Message, kind: DomainErrorKind.Conflict);
                }
                // Apart, so that the racers do not meet again at the same instant.
                await Task.Delay(Random.Shared.Next(1, 10 * i), ct);
            }
        }
    }

    /// <summary>
    /// Inside a transaction, makes the units of work that change one record's dependants (an event's guest list, a
    /// mission's directory in an import) take turns: the second reads what the first wrote instead of racing it into
    /// a unique index or, on PostgreSQL, a deadlock (rows inserted in different orders). PostgreSQL locks the row;
    /// SQLite's transactions already take the database's one write lock when they begin (BEGIN IMMEDIATE).
    /// </summary>
    public static async Task TakeTurnsOnAsync(this ChanceryDb db, Turns on, Guid id, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Taking turns needs a transaction: the lock lasts as long as it does.");
        }
        if (db.Database.IsNpgsql())
        {
            // NO KEY UPDATE: the turn is about the record's dependants, so rows that merely point at it (a guest of
            // the event, a membership of the mission) are not held up by it.
            await db.Database.ExecuteSqlAsync(on switch
            {
                Turns.Event => $"SELECT 1 FROM \"Events\" WHERE \"Id\" = {id} FOR NO KEY UPDATE",
                _ => $"SELECT 1 FROM \"Missions\" WHERE \"Id\" = {id} FOR NO KEY UPDATE",
            }, ct);
        }
    }

    /// <summary>Whose dependants take turns: an event's (its guest list) or a mission's (its directory).</summary>
    public enum Turns
    {
        Event,
        Mission,
    }
}
