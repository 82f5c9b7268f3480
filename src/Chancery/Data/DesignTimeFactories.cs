using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chancery.Data;

// Used only by `dotnet ef migrations add`; the running app configures the contexts in DatabaseSetup.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChanceryDb>
{
    public SqliteChanceryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChanceryDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChanceryDb>
{
    public PostgresChanceryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresChanceryDb>().UseNpgsql("Host=localhost;Database=chancery_design").Options);
}
