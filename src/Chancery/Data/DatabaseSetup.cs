using Chancery.Domain.Audit;
using Chancery.Infrastructure;
using Microsoft.EntityFrameworkCore;
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

        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Chancery is empty.");
            }
            services.AddDbContext<ChanceryDb, PostgresChanceryDb>((sp, o) => o
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<ChanceryDb, SqliteChanceryDb>((sp, o) => o
                .UseSqlite(connectionString ?? $"Data Source={Path.Combine(sp.GetRequiredService<DataFolder>().Path, "chancery.db")}")
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), new SqliteConnectionSettings()));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use Sqlite or Postgres.");
        }
        return services;
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
