using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Chancery.Data;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Registers ChanceryDb on the provider named by <c>Database:Provider</c> (Sqlite by default).</summary>
    public static IServiceCollection AddChanceryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        var connectionString = configuration.GetConnectionString("Chancery");
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<MembershipCache>();
        services.AddSingleton<SaveHooks>();

        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Chancery is empty.");
            }
            services.AddPooledDbContextFactory<PostgresChanceryDb>((sp, o) => o
                .UseNpgsql(WithAutoPrepare(connectionString), CollectionsAsOneParameter)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .ConfigureWarnings(QuietRaces)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SaveHooks>()));
            services.AddScoped<ChanceryDb>(Lease<PostgresChanceryDb>);
        }
        else if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(sp => new SqliteConnectionLease.Source(
                connectionString ?? $"Data Source={Path.Combine(sp.GetRequiredService<DataFolder>().Path, "chancery.db")}"));
            services.AddSingleton<SqliteStatementCache>();
            services.AddScoped<SqliteConnectionLease>();
            services.AddPooledDbContextFactory<SqliteChanceryDb>((sp, o) => o
                .UseSqlite(sp.GetRequiredService<SqliteConnectionLease.Source>().ConnectionString, CollectionsAsOneParameter)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .ConfigureWarnings(QuietRaces)
                .ConfigureWarnings(QuietTableRebuilds)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SaveHooks>(), sp.GetRequiredService<SqliteStatementCache>()));
            services.AddScoped<ChanceryDb>(LeaseSqlite);
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use Sqlite or Postgres.");
        }
        return services;
    }

    // A save that loses a race (WriteConflicts) is done again, not failed: EF Core's own "save failed" and "command
    // failed" entries would fill the log with errors nobody saw. A failure no one handles is still logged, as an
    // unhandled exception with its request, by the exception handler.
    // SQLite changes a column by rebuilding its table, with foreign keys off for the while, which it cannot do inside
    // a transaction; EF Core warns of it on every first start, in words that read like a failure to someone who has
    // just installed the app. The migrations run before the app serves anyone, once each; kept as information.
    private static void QuietTableRebuilds(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) => w.Log(
        (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information));

    private static void QuietRaces(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) => w.Log(
        (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information),
        (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information));

    // Npgsql prepares the statements a server sees again and again (every request runs the same few), when asked:
    // about half as much time per API read again. An explicit "Max Auto Prepare" in the connection string wins
    // (0 turns it off, for a transaction-pooling PgBouncer older than 1.21).
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    // Every query carries the mission filter `VisibleMissionIds.Contains(MissionId)`. EF Core 10 by default expands such a
    // list into one parameter per element; a profile caught it regenerating that SQL under a lock on each request. One
    // array parameter (json_each on SQLite, = ANY on PostgreSQL) keeps the SQL the same for any number of missions.
    private static void CollectionsAsOneParameter<TBuilder, TExtension>(RelationalDbContextOptionsBuilder<TBuilder, TExtension> o)
        where TBuilder : RelationalDbContextOptionsBuilder<TBuilder, TExtension>
        where TExtension : RelationalOptionsExtension, new() =>
        o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);

    // Queries do not track what they read unless they say AsTracking(): most requests only read, and the change
    // tracker's snapshots were work for nothing. A method that changes what it loaded asks for tracking.
    // One context per request or job, taken from the pool (a new context per request cost more than the query it ran)
    // and given that unit of work's scope; DI disposes it at the end, which hands it back.
    private static TDb Lease<TDb>(IServiceProvider sp) where TDb : ChanceryDb
    {
        var db = sp.GetRequiredService<IDbContextFactory<TDb>>().CreateDbContext();
        db.Lease(sp.GetRequiredService<MissionScope>());
        return db;
    }

    // On SQLite the context also borrows an open connection that keeps its compiled statements (SqliteStatementCache).
    // The lease is resolved first, so the unit of work's end disposes it after the context: the connection goes back
    // once the context is done with it.
    private static SqliteChanceryDb LeaseSqlite(IServiceProvider sp)
    {
        var connection = sp.GetRequiredService<SqliteConnectionLease>();
        var db = Lease<SqliteChanceryDb>(sp);
        db.Database.SetDbConnection(connection.Connection, contextOwnsConnection: false);
        return db;
    }

    /// <summary>
    /// Applies pending migrations, then runs <paramref name="afterMigrations"/> (the first-start seeding), as one
    /// critical section across every app server. On PostgreSQL a session advisory lock, held on a connection of
    /// its own, makes a second server that starts at the same moment wait and then find the schema in place
    /// (EF Core's own migration lock starts too late for an empty database: both servers created tables at once).
    /// </summary>
    public static async Task PrepareChanceryDatabaseAsync(this IServiceProvider services, Func<IServiceProvider, CancellationToken, Task> afterMigrations, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets door stations read while another request writes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
            await db.Database.MigrateAsync(ct);
            await afterMigrations(services, ct);
            return;
        }

        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await db.Database.MigrateAsync(ct);
            await afterMigrations(services, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // Any constant shared by every server of this application; "Chancery" in ASCII.
    private const long StartupLockKey = 0x4368616e63657279;
}
