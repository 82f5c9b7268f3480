using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Chancery.Tests.Infrastructure;

/// <summary>
/// The real app on a real database: a fresh SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL server named by CHANCERY_TEST_POSTGRES. Real Identity, real bearer tokens, real cookies.
/// Only the clock is fake.
/// </summary>
public class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.example";
    public const string AdminPassword = "correct horse battery staple";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("chancery-test-").FullName;
    private readonly Dictionary<string, string?> _settings = [];
    private string? _postgresDatabase;

    public TestApp() : this(DatabaseSetup.Sqlite)
    {
    }

    protected TestApp(string provider)
    {
        Provider = provider;
    }

    public string Provider { get; }

    /// <summary>The PostgreSQL database this fixture made (null on SQLite), for a second server on the same database.</summary>
    public string? PostgresConnectionString => _postgresDatabase is null ? null : PostgresServer.ConnectionString(_postgresDatabase);
    public string DataFolder => _dataFolder;
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public CapturedLogs Logs { get; } = new();

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Extra services for one fixture (set before first use).</summary>
    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// An app started on <paramref name="provider"/>'s database (a fresh PostgreSQL database, or SQLite) with these
    /// settings, for a test class run once on each: skipped, saying why, when PostgreSQL is not there.
    /// </summary>
    public static async Task<TestApp> StartAsync(string provider, params (string Key, string? Value)[] settings)
    {
        var app = (provider == DatabaseSetup.Postgres ? new PostgresTestApp() : new TestApp()).Ready();
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }
        await app.InitializeAsync();
        return app;
    }

    /// <summary>Extra configuration for one fixture (set before first use).</summary>
    public TestApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Set on the fixtures that build the template databases, and on tests of a first start: they migrate from nothing.</summary>
    private bool _fromEmpty;

    /// <summary>Starts on an empty database, not a copy of the migrated template (for tests of the first start itself).</summary>
    public TestApp FromEmptyDatabase()
    {
        _fromEmpty = true;
        return this;
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseSetup.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresTestApp.Variable);
            if (string.IsNullOrWhiteSpace(server))
            {
                return; // each test skips when it first uses the app (ConfigureWebHost calls Ready)
            }
            _postgresDatabase = await PostgresServer.CreateDatabaseAsync("chancery_test", _fromEmpty ? null : await Templates.PostgresAsync());
        }
        else if (!_fromEmpty && !_settings.ContainsKey("ConnectionStrings:Chancery"))
        {
            File.Copy(await Templates.SqliteAsync(), Path.Combine(_dataFolder, "chancery.db"));
        }
    }

    /// <summary>
    /// A fixture's database starts as a copy of one migrated and seeded once per test run (a file copy on SQLite,
    /// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL): migrating from nothing for each of dozens of fixtures was
    /// most of their start-up. The app still runs its migrations on start; there are none left to apply.
    /// </summary>
    private static class Templates
    {
        private static readonly Lazy<Task<string>> Sqlite = new(async () =>
        {
            var app = new TestApp { _fromEmpty = true };
            await app.InitializeAsync();
            _ = app.Services; // migrates and seeds
            var file = Path.Combine(Path.GetTempPath(), $"chancery-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            await using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "chancery.db")}"))
            {
                await conn.OpenAsync();
                await using var backup = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
                conn.BackupDatabase(backup);
            }
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
            return file;
        });

        private static readonly Lazy<Task<string>> Postgres = new(async () =>
        {
            var app = new PostgresTestApp();
            app._fromEmpty = true;
            await app.InitializeAsync();
            _ = app.Services;
            var name = app._postgresDatabase!;
            app._keepDatabase = true;
            await app.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresServer.DropDatabaseAsync(name).GetAwaiter().GetResult();
            return name;
        });

        public static Task<string> SqliteAsync() => Sqlite.Value;

        public static Task<string> PostgresAsync() => Postgres.Value;
    }

    private bool _keepDatabase;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The skip lives here, where every use of the app begins (its services, a client, a user made), so no test
        // class on PostgreSQL can forget it: without a server, each of its tests skips, saying why.
        this.Ready();
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataFolder", _dataFolder);
        builder.UseSetting("Database:Provider", Provider);
        if (PostgresConnectionString is { } cs)
        {
            builder.UseSetting("ConnectionStrings:Chancery", cs);
        }
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Email:PollInterval", "00:00:00.200");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            // Sign-in is real, but one hash round instead of 100,000: hashing was a large share of the suite's time.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
            foreach (var configure in _services)
            {
                configure(s);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null && !_keepDatabase)
        {
            await PostgresServer.DropDatabaseAsync(_postgresDatabase);
        }
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>An HTTP client signed in through POST /api/auth/login.</summary>
    public async Task<HttpClient> ApiClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    /// <summary>A unit of work of the application itself: it may write any mission's rows (reads need IgnoreQueryFilters).</summary>
    public IServiceScope SystemScope()
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<MissionScope>().EnterSystem();
        return scope;
    }

    /// <summary>A unit of work of background work for one mission: sees and writes that mission's rows.</summary>
    public IServiceScope BackgroundScope(Guid missionId)
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<MissionScope>().EnterBackground(missionId);
        return scope;
    }

    /// <summary>A guest's door codes (signed and typed) and reply-link token, derived from the event's keys as the invitation derives them.</summary>
    public async Task<(string Signed, string Typed, string Token)> GuestCodesAsync(Guid missionId, Guid eventId, Guid guestId, byte companion = 0)
    {
        using var scope = BackgroundScope(missionId);
        var e = await scope.ServiceProvider.GetRequiredService<ChanceryDb>().Events.SingleAsync(x => x.Id == eventId);
        using var keys = await scope.ServiceProvider.GetRequiredService<Domain.Invitations.EventKeyRing>().ForAsync(e);
        return (Domain.Invitations.DoorCodes.Sign(keys.SigningKey, new Domain.Invitations.DoorPass(eventId, guestId, companion)),
            Domain.Invitations.GuestSecrets.TypedCode(keys.Secret, guestId, companion), Domain.Invitations.GuestSecrets.Token(keys.Secret, guestId));
    }

    /// <summary>Runs <paramref name="work"/> with a database that may write every mission (the test's own view, not a user's).</summary>
    public async Task<T> WithDbAsync<T>(Func<ChanceryDb, Task<T>> work)
    {
        using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        return await work(db);
    }

    public Task<Mission> DefaultMissionAsync() =>
        WithDbAsync(db => db.Missions.IgnoreQueryFilters().SingleAsync(m => m.Name == FirstStart.DefaultMissionName));

    public Task<Mission> CreateMissionAsync(string name) => WithDbAsync(async db =>
    {
        var mission = new Mission { Name = name, CreatedAt = Clock.GetUtcNow() };
        db.Missions.Add(mission);
        db.Categories.AddRange(Chancery.Domain.Contacts.Category.DefaultsFor(mission.Id));
        await db.SaveChangesAsync();
        return mission;
    });

    /// <summary>Creates a user with a password and a role in a mission; returns the e-mail.</summary>
    public async Task<string> CreateUserAsync(Guid missionId, MissionRole role, string? email = null, string password = AdminPassword)
    {
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        using var scope = SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        var user = new ChanceryUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true, CreatedAt = Clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        db.Memberships.Add(new Membership { MissionId = missionId, UserId = user.Id, Role = role, CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return email;
    }
}

/// <summary>The same app on PostgreSQL; its tests skip, saying why, when CHANCERY_TEST_POSTGRES is not set.</summary>
public sealed class PostgresTestApp() : TestApp(DatabaseSetup.Postgres)
{
    public const string Variable = "CHANCERY_TEST_POSTGRES";
}

/// <summary>Databases of their own for tests on the PostgreSQL server named by CHANCERY_TEST_POSTGRES.</summary>
public static class PostgresServer
{
    private static string Server => Environment.GetEnvironmentVariable(PostgresTestApp.Variable)
        ?? throw new InvalidOperationException($"{PostgresTestApp.Variable} is not set.");

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>Creates a database named from <paramref name="prefix"/>, empty or as a copy of <paramref name="template"/>; returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string? template = null)
    {
        var name = $"{prefix}_{Guid.NewGuid().ToString("N")[..12]}";
        await ExecuteAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return name;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(Server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public static class TestAppExtensions
{
    /// <summary>Skips the running test when its database is not available here.</summary>
    public static TestApp Ready(this TestApp app)
    {
        if (app.Provider == DatabaseSetup.Postgres)
        {
            Assert.SkipWhen(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestApp.Variable)),
                $"PostgreSQL tests need {PostgresTestApp.Variable}=<connection string>; .ci/run sets it.");
        }
        return app;
    }
}
