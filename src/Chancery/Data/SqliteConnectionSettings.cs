using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Data;

/// <summary>
/// SQLite keeps 2 MB of pages per connection by default; the directory's index for 20,000 people is larger,
/// and re-reading it on every search doubled search times. Each pooled connection gets up to 64 MB, used
/// only as pages are read.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -65536;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
