using Chancery.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chancery.Infrastructure;

/// <summary>
/// Two probes for load balancers and orchestrators: <c>/health/live</c> says the process answers and touches
/// nothing (restart me if this fails); <c>/health/ready</c> asks the database one cheap question (send me
/// traffic only if this passes). <c>/health</c> is the ready check, as API.md promises.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddChanceryHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        return services;
    }

    public static void MapChanceryHealthChecks(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) };
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    }

    private sealed class DatabaseHealthCheck(ChanceryDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (db.Database.IsSqlite())
                {
                    await AskSqliteFileAsync(db.Database.GetConnectionString()!, cancellationToken);
                }
                else
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
                }
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", ex);
            }
        }

        // The app's SQLite connections stay open (SqliteStatementCache), and an open connection answers even when its
        // file has been deleted or its disk has gone. So readiness opens the file afresh, without creating it, and
        // reads a page of it.
        private static async Task AskSqliteFileAsync(string connectionString, CancellationToken ct)
        {
            var fresh = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            await using var connection = new SqliteConnection(fresh.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(ct);
        }
    }
}
