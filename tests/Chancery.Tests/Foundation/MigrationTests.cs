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
/// Upgrading a database that was in use: the migration that makes rows stay in their mission must start on data
/// written before it (even data it would refuse today), and guard every write after it.
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
    public async Task A_database_in_use_before_the_mission_links_upgrades_and_then_refuses_rows_across_missions()
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync("MissionAddress");
        var (a, b) = (new Mission { Name = "A" }, new Mission { Name = "B" });
        var eventOfA = new Event { MissionId = a.Id, Title = "Reception", TimeZone = "UTC", Venue = "Residence" };
        var personOfB = Guid.NewGuid();
        // Written when nothing stopped it: a guest across missions, and a speaker deleted from the directory since.
        var lostSpeaker = new ProgrammeItem { MissionId = a.Id, EventId = eventOfA.Id, Title = "Address", SpeakerContactId = Guid.NewGuid() };
        // The missions, too, as the table was then (today's model has columns it lacked).
        foreach (var m in new[] { a, b })
        {
            var (id, slug) = (provider == DatabaseSetup.Postgres ? m.Id.ToString() : m.Id.ToString().ToUpperInvariant(), m.Slug);
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseSetup.Postgres
                ? """INSERT INTO "Missions" ("Id", "Name", "TimeZone", "CreatedAt", "Slug", "HolySeeFirst") VALUES ({0}::uuid, {1}, 'UTC', now(), {2}, false)"""
                : """INSERT INTO "Missions" ("Id", "Name", "TimeZone", "CreatedAt", "Slug", "HolySeeFirst") VALUES ({0}, {1}, 'UTC', 0, {2}, 0)""", id, m.Name, slug);
        }
        var eventId = provider == DatabaseSetup.Postgres ? eventOfA.Id.ToString() : eventOfA.Id.ToString().ToUpperInvariant();
        var missionOfEvent = provider == DatabaseSetup.Postgres ? a.Id.ToString() : a.Id.ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseSetup.Postgres
            ? """INSERT INTO "Events" ("Id", "MissionId", "Title", "Kind", "StartsAtLocal", "TimeZone", "StartsAtUtc", "Venue", "Status", "CreatedAt") VALUES ({0}::uuid, {1}::uuid, 'Reception', 'Reception', '2026-01-01 18:00', 'UTC', now(), 'Residence', 'Draft', now())"""
            : """INSERT INTO "Events" ("Id", "MissionId", "Title", "Kind", "StartsAtLocal", "TimeZone", "StartsAtUtc", "Venue", "Status", "CreatedAt") VALUES ({0}, {1}, 'Reception', 'Reception', '2026-01-01 18:00:00', 'UTC', 0, 'Residence', 'Draft', 0)""", eventId, missionOfEvent);
        // The item in the table as it was then, too (today's model has the titles per language it lacked).
        var (itemId, speakerId) = provider == DatabaseSetup.Postgres ? (lostSpeaker.Id.ToString(), lostSpeaker.SpeakerContactId!.Value.ToString())
            : (lostSpeaker.Id.ToString().ToUpperInvariant(), lostSpeaker.SpeakerContactId!.Value.ToString().ToUpperInvariant());
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseSetup.Postgres
            ? """INSERT INTO "ProgrammeItems" ("Id", "MissionId", "EventId", "Title", "SpeakerContactId", "SortOrder") VALUES ({0}::uuid, {1}::uuid, {2}::uuid, 'Address', {3}::uuid, 0)"""
            : """INSERT INTO "ProgrammeItems" ("Id", "MissionId", "EventId", "Title", "SpeakerContactId", "SortOrder") VALUES ({0}, {1}, {2}, 'Address', {3}, 0)""",
            itemId, missionOfEvent, eventId, speakerId);
        // The person in the table as it was then (today's model has columns it lacked).
        // Two of them, the same name with no e-mail: two people, or one doubled, as the directory then allowed.
        var namesake = Guid.CreateVersion7();
        foreach (var person in new[] { personOfB, namesake })
        {
            var (id, mission) = provider == DatabaseSetup.Postgres ? (person.ToString(), b.Id.ToString()) : (person.ToString().ToUpperInvariant(), b.Id.ToString().ToUpperInvariant());
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseSetup.Postgres
                ? """INSERT INTO "Contacts" ("Id", "MissionId", "LastName", "SearchText", "SortName", "CreatedAt", "Tags") VALUES ({0}::uuid, {1}::uuid, 'Mensah', 'mensah', 'mensah', now(), '{{}}')"""
                : """INSERT INTO "Contacts" ("Id", "MissionId", "LastName", "SearchText", "SortName", "CreatedAt", "Tags") VALUES ({0}, {1}, 'Mensah', 'mensah', 'mensah', 0, '[]')""", id, mission);
        }
        var (guestId, personId) = provider == DatabaseSetup.Postgres ? (Guid.NewGuid().ToString(), personOfB.ToString()) : (Guid.NewGuid().ToString().ToUpperInvariant(), personOfB.ToString().ToUpperInvariant());
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseSetup.Postgres
            ? """INSERT INTO "Guests" ("Id", "MissionId", "EventId", "ContactId", "Rsvp", "PlusOnes", "WithPartner", "Invitation", "AddedAt") VALUES ({0}::uuid, {1}::uuid, {2}::uuid, {3}::uuid, 'Pending', 0, false, 'NotSent', now())"""
            : """INSERT INTO "Guests" ("Id", "MissionId", "EventId", "ContactId", "Rsvp", "PlusOnes", "WithPartner", "Invitation", "AddedAt") VALUES ({0}, {1}, {2}, {3}, 'Pending', 0, 0, 'NotSent', 0)""",
            guestId, missionOfEvent, eventId, personId);
        db.ChangeTracker.Clear();

        await db.Database.MigrateAsync();

        Assert.Null((await db.ProgrammeItems.IgnoreQueryFilters().SingleAsync(p => p.Id == lostSpeaker.Id)).SpeakerContactId);
        Assert.Equal(1, await db.Guests.IgnoreQueryFilters().CountAsync()); // the old row stays; new ones are checked
        var secondPerson = new Contact { MissionId = b.Id, LastName = "Asante" };
        secondPerson.RefreshKeys();
        db.Contacts.Add(secondPerson);
        await db.SaveChangesAsync();
        db.Guests.Add(new Guest { MissionId = a.Id, EventId = eventOfA.Id, ContactId = secondPerson.Id });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Start-up gives the old rows their name keys; the namesakes both stay, and both can be saved again.
        Assert.Equal(1, await ContactKeys.BackfillAsync(db));
        var namesakes = await db.Contacts.IgnoreQueryFilters().AsTracking().Where(c => c.LastName == "Mensah").ToListAsync();
        Assert.Equal(2, namesakes.Select(c => c.NameKey).Distinct().Count());
        // And their sort and search keys by today's rules, once.
        Assert.Equal(2, namesakes.Count(c => c.KeysVersion == 0));
        Assert.True(await ContactKeys.RefreshOutdatedAsync(db) >= 2);
        Assert.Equal(0, await ContactKeys.RefreshOutdatedAsync(db));
        db.ChangeTracker.Clear();
        namesakes = await db.Contacts.IgnoreQueryFilters().AsTracking().Where(c => c.LastName == "Mensah").ToListAsync();
        Assert.All(namesakes, c => Assert.Equal(Contact.CurrentKeysVersion, c.KeysVersion));
        foreach (var c in namesakes)
        {
            c.Tags = ["corps"];
            c.RefreshKeys();
        }
        await db.SaveChangesAsync();
        var third = new Contact { MissionId = b.Id, LastName = "Mensah" };
        third.RefreshKeys();
        db.Contacts.Add(third);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync()); // a new double is refused

        // Every link is guarded: ten of them.
        var guards = provider == DatabaseSetup.Postgres
            ? await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_constraint WHERE conname LIKE '%\_SameMission'""").SingleAsync()
            : await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%SameMission_Insert'""").SingleAsync();
        Assert.Equal(10, guards);
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(DatabaseSetup.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(DatabaseSetup.Postgres);
