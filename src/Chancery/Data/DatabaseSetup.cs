using Chancery.Domain.Audit;
using Chancery.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Applies pending migrations. On PostgreSQL, EF Core takes a lock so several servers may start at once.</summary>
    public static async Task MigrateChanceryDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets door stations read while another request writes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }
}
