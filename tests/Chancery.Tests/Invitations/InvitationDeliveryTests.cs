using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chancery.Tests.Invitations;

/// <summary>
/// A guest never receives the same invitation twice, with real app processes and a real SMTP server: not when the
/// app is killed (SIGKILL) in the middle of a batch and started again, not when two servers send from one database.
/// The one honest exception is a message the mail server took whose acknowledgement died with the process: it goes
/// again with the same Message-Id, so the second copy is recognisable as one.
/// </summary>
public abstract class InvitationDeliveryTests(string provider) : IAsyncLifetime
{
    private const int Guests = 150;
    private readonly SmtpTestServer _smtp = new SmtpTestServer().Start();
    private readonly List<MimeMessage> _received = [];
    private readonly List<string> _folders = [];
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("PublicBaseUrl", "https://events.embassy.example"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) // not started: a PostgreSQL test skipped here
        {
            await _app.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        _folders.ForEach(f => Directory.Delete(f, recursive: true));
        GC.SuppressFinalize(this);
    }

    /// <summary>An event with <see cref="Guests"/> guests, their invitations queued (this in-process app sends nothing).</summary>
    private async Task QueueInvitationsAsync()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var csv = new StringBuilder("FirstName,LastName,Email,Language\n");
        for (var i = 0; i < Guests; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Guest,Number {i:000},guest{i:000}@example.org,{(i % 3 == 0 ? "zh" : i % 3 == 1 ? "ar" : "en")}\n");
        }
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "guests.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "National Day reception",
            startsAt = $"{_app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30):yyyy-MM-dd}T18:00",
            timeZone = "Europe/Helsinki",
            venue = "Residence",
            languages = (string[])["en", "zh", "ar"],
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = e.GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var queued = await (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Guests, queued.GetProperty("queued").GetInt32());
    }

    // sendTimeout: the kill test's servers give up on a send after 2 s, so a dead server's claims free up in seconds;
    // servers that stay up get the default's margin, as a mission's would, or a send slowed by a loaded machine (the
    // whole suite runs beside them) is abandoned after the mail server took it, and sent again.
    private AppProcess StartServer(string sendTimeout = "00:00:02")
    {
        _folders.Add(Directory.CreateTempSubdirectory("chancery-process-").FullName);
        return AppProcess.Start(new Dictionary<string, string>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Chancery"] = _app.PostgresConnectionString ?? $"Data Source={Path.Combine(_app.DataFolder, "chancery.db")}",
            ["DataFolder"] = _folders[^1],
            ["PublicBaseUrl"] = "https://events.embassy.example",
            ["Email:From"] = "protocol@embassy.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:BatchSize"] = "10",
            ["Email:PollInterval"] = "00:00:00.200",
            // A killed server's claims are free again after 2 × 2 s + 1 s, not minutes: the test waits for them.
            ["Email:SendTimeout"] = sendTimeout,
            ["Email:LeaseMargin"] = "00:00:01",
        });
    }

    private void Collect()
    {
        while (_smtp.TryTake(out var message))
        {
            _received.Add(message!);
        }
    }

    private async Task WaitAsync(Func<Task<bool>> done, string what, params AppProcess[] servers)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(120); waited += TimeSpan.FromMilliseconds(100))
        {
            Collect();
            if (await done())
            {
                return;
            }
            if (servers.FirstOrDefault(s => s.HasExited) is { } dead)
            {
                Assert.Fail($"A server stopped while waiting for {what}:\n{dead.Output}");
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out waiting for {what}; {_received.Count} received.\n{string.Join("\n---\n", servers.Select(s => s.Output))}");
    }

    private async Task<int> SentAsync() => await _app.WithDbAsync(db =>
        db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupKey.StartsWith("invitation:") && m.Status == OutboxStatus.Sent));

    private void AssertEachGuestReceivedTheirInvitationOnce(int mayBeRepeated)
    {
        var byGuest = _received.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Guests, byGuest.Count);
        var repeated = byGuest.Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count <= mayBeRepeated, $"{repeated.Count} guests received more than one: {string.Join(", ", repeated.Select(g => g.Key))}");
        // A copy is the same message, sent again because its acknowledgement was lost: the same Message-Id.
        Assert.All(repeated, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
    }

    [Fact]
    public async Task Killed_mid_batch_and_started_again_the_app_sends_each_invitation_once()
    {
        await QueueInvitationsAsync();

        using (var first = StartServer())
        {
            await WaitAsync(() => Task.FromResult(_received.Count >= 40), "the first 40 invitations", first);
            first.Kill();
        }
        Collect();
        var beforeRestart = _received.Count;
        Assert.InRange(beforeRestart, 40, Guests - 1); // killed in the middle, with work left
        using (var second = StartServer())
        {
            await WaitAsync(async () => await SentAsync() == Guests, "every invitation sent after the restart", second);
        }

        Collect();
        AssertEachGuestReceivedTheirInvitationOnce(mayBeRepeated: 1);
    }

    [Fact]
    public async Task Two_servers_sending_from_one_database_send_each_invitation_once()
    {
        await QueueInvitationsAsync();

        using var first = StartServer(sendTimeout: "00:01:00");
        using var second = StartServer(sendTimeout: "00:01:00");
        await WaitAsync(async () => await SentAsync() == Guests, "every invitation sent by two servers", first, second);

        Collect();
        AssertEachGuestReceivedTheirInvitationOnce(mayBeRepeated: 0);
        // Both servers took part: each row records who sent it only while leased, so count the SMTP sessions instead.
        Assert.True(_smtp.Sessions >= 2, $"{_smtp.Sessions} SMTP sessions");
    }
}

public sealed class InvitationDeliveryTestsOnSqlite() : InvitationDeliveryTests(DatabaseSetup.Sqlite);

public sealed class InvitationDeliveryTestsOnPostgres() : InvitationDeliveryTests(DatabaseSetup.Postgres);
