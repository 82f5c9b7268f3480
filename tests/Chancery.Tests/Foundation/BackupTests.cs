using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Chancery.Tests.Foundation;

/// <summary>
/// docs/operations.md "Backups": a backup taken while the door is admitting guests holds every admission the door
/// was told about before it started, and the data folder's files; a restore refuses a database in use.
/// </summary>
public sealed class BackupTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(DatabaseSetup.Sqlite, ("Email:RunWorker", "false"), ("PublicBaseUrl", "https://events.embassy.example"));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_backup_taken_while_guests_arrive_holds_every_arrival_acknowledged_before_it_and_restores_whole()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var office = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } })
        {
            (await office.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        }
        var e = await (await office.PostAsJsonAsync("/api/events", new
        {
            title = "National Day reception",
            startsAt = $"{_app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1):yyyy-MM-dd}T18:00",
            timeZone = "Europe/Helsinki",
            venue = "Residence",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var eventId = Guid.Parse(e.GetProperty("id").GetString()!);
        (await office.PostAsJsonAsync($"/api/events/{eventId}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var guests = (await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{eventId}/guests"))!.Select(g => Guid.Parse(g.GetProperty("id").GetString()!)).ToList();
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Door));
        Directory.CreateDirectory(Path.Combine(_app.DataFolder, "photos", "2026"));
        await File.WriteAllBytesAsync(Path.Combine(_app.DataFolder, "photos", "2026", "wreath.jpg"), [0xFF, 0xD8, 0xFF, 0xD9]);

        // The door admits guest after guest; the backup starts once half are in and runs while the rest arrive.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using var halfIn = new SemaphoreSlim(0);
        var arrivals = Task.Run(async () =>
        {
            foreach (var (guest, i) in guests.Select((g, i) => (g, i)))
            {
                var (signed, _, _) = await _app.GuestCodesAsync(mission.Id, eventId, guest);
                var answer = await door.PostAsJsonAsync($"/api/events/{eventId}/checkin", new { code = signed, station = "Main door", nonce = $"n{i}" });
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal("admitted", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
                acknowledged.Add(guest);
                if (i == guests.Count / 2)
                {
                    halfIn.Release();
                }
            }
        });
        await halfIn.WaitAsync(TimeSpan.FromSeconds(60));
        var inBeforeBackup = acknowledged.ToHashSet();
        var file = Path.Combine(_app.DataFolder, "..", $"backup-{Guid.NewGuid():N}.zip");
        var (files, _) = Backups.Backup($"Data Source={Path.Combine(_app.DataFolder, "chancery.db")}", _app.DataFolder, file);
        await arrivals;
        Assert.True(files >= 1);

        // A running app's database is not restored over.
        var refused = Assert.Throws<InvalidOperationException>(() => Backups.Restore(file, $"Data Source={Path.Combine(_app.DataFolder, "chancery.db")}", _app.DataFolder));
        Assert.Contains("stop the app first", refused.Message, StringComparison.Ordinal);

        var fresh = Path.Combine(Path.GetTempPath(), $"chancery-restore-{Guid.NewGuid():N}");
        try
        {
            Backups.Restore(file, $"Data Source={Path.Combine(fresh, "chancery.db")}", fresh);
            Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], await File.ReadAllBytesAsync(Path.Combine(fresh, "photos", "2026", "wreath.jpg")));
            await using var restored = new SqliteConnection($"Data Source={Path.Combine(fresh, "chancery.db")};Pooling=False");
            await restored.OpenAsync();
            var admitted = new HashSet<Guid>();
            await using (var command = restored.CreateCommand())
            {
                command.CommandText = "SELECT \"GuestId\" FROM \"Admissions\" WHERE \"Companion\" = 0";
                await using var row = await command.ExecuteReaderAsync();
                while (await row.ReadAsync())
                {
                    admitted.Add(row.GetGuid(0));
                }
            }
            Assert.NotEmpty(inBeforeBackup);
            Assert.Subset(admitted, inBeforeBackup);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
            File.Delete(file);
        }
    }

    [Fact]
    public void The_commands_say_how_they_are_used_and_send_PostgreSQL_to_pg_dump()
    {
        static IConfiguration Settings(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

        Assert.Null(Backups.Run([], Settings()));
        Assert.Null(Backups.Run(["--urls", "http://localhost:5229"], Settings()));
        Assert.Equal(2, Backups.Run(["backup"], Settings()));
        Assert.Equal(2, Backups.Run(["restore", "x.zip"], Settings(("Database:Provider", "Postgres"))));
        Assert.Equal(1, Backups.Run(["restore", Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.zip")], Settings(("DataFolder", Path.GetTempPath()))));
    }
}
