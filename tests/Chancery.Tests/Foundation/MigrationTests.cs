using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chancery.Tests.Foundation;

/// <summary>
/// The schema as one migration per provider (no installation held data before it): a new database gets every table
/// and the database's own guard that rows stay in their mission.
/// </summary>
public abstract class MigrationTests(string provider) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chancery-migration-").FullName;
    private string? _postgresDatabase;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseSetup.Postgres && Environment.GetEnvironmentVariable(PostgresTestApp.Variable) is { Length: > 0 })
        {
            _postgresDatabase = await PostgresServer.CreateDatabaseAsync("chancery_migration");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgresDatabase);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    // A bare context: no app, no scope guard; what a database looked like, written as it was then.
    private ChanceryDb Open()
    {
        if (provider == DatabaseSetup.Postgres)
        {
            Assert.SkipWhen(_postgresDatabase is null, $"PostgreSQL tests need {PostgresTestApp.Variable}=<connection string>; .ci/run sets it.");
            return new PostgresChanceryDb(new DbContextOptionsBuilder<PostgresChanceryDb>().UseNpgsql(PostgresServer.ConnectionString(_postgresDatabase!)).Options);
        }
        return new SqliteChanceryDb(new DbContextOptionsBuilder<SqliteChanceryDb>().UseSqlite($"Data Source={Path.Combine(_folder, "old.db")}").Options);
    }

    [Fact]
    public async Task A_new_database_is_one_migration_that_guards_every_link_between_missions()
    {
        await using var db = Open();

        await db.Database.MigrateAsync();

        Assert.Single(db.Database.GetMigrations()); // one per provider, from nothing
        Assert.Single(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var (a, b) = (new Mission { Name = "A", Slug = "a" }, new Mission { Name = "B", Slug = "b" });
        var eventOfA = new Event { MissionId = a.Id, Title = "Reception", TimeZone = "UTC", Venue = "Residence" };
        var personOfB = new Contact { MissionId = b.Id, LastName = "Asante" };
        personOfB.RefreshKeys();
        db.AddRange(a, b, eventOfA, personOfB);
        await db.SaveChangesAsync();

        // A guest of A's event who is B's person, and a speaker of B at A's event: refused by the database itself.
        db.Guests.Add(new Guest { MissionId = a.Id, EventId = eventOfA.Id, ContactId = personOfB.Id });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.ProgrammeItems.Add(new ProgrammeItem { MissionId = a.Id, EventId = eventOfA.Id, Title = "Address", SpeakerContactId = personOfB.Id });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // A person saved under older key rules gets today's once, at start-up.
        await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == personOfB.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.KeysVersion, 0));
        Assert.Equal(1, await ContactKeys.RefreshOutdatedAsync(db));
        Assert.Equal(0, await ContactKeys.RefreshOutdatedAsync(db));

        // Every link is guarded: ten of them.
        var guards = provider == DatabaseSetup.Postgres
            ? await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_constraint WHERE conname LIKE '%\_SameMission'""").SingleAsync()
            : await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%SameMission_Insert'""").SingleAsync();
        Assert.Equal(10, guards);
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(DatabaseSetup.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(DatabaseSetup.Postgres);
