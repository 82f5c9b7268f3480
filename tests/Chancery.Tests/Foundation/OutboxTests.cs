using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Mail goes out through an outbox: queued with the change that caused it, sent once however many servers run,
/// retried when the mail server is away. The workers are driven by the test and the fake clock: no sleeps.
/// </summary>
public abstract class OutboxTests(string provider) : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private readonly List<TestApp> _apps = [];

    protected TestApp App => _apps[0];

    private TestApp NewApp(TestApp? sharingDatabaseOf = null)
    {
        var app = provider == DatabaseSetup.Postgres ? new PostgresTestApp() : new TestApp();
        app.With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", "None").With("Email:RunWorker", "false").With("Email:SendTimeout", "00:01:00")
            .WithServices(s => s.AddScoped<IOutboxRenderer, MissionNoteRenderer>().AddScoped<IOutboxRenderer, StoppedWhileWritingRenderer>());
        if (sharingDatabaseOf is not null)
        {
            app.With("ConnectionStrings:Chancery", sharingDatabaseOf.PostgresConnectionString ?? $"Data Source={Path.Combine(sharingDatabaseOf.DataFolder, "chancery.db")}");
            // The second server shares the first one's clock, as servers share the time of day.
            app.WithServices(s => s.AddSingleton<TimeProvider>(sharingDatabaseOf.Clock));
        }
        _apps.Add(app);
        return app;
    }

    public async ValueTask InitializeAsync()
    {
        await NewApp().InitializeAsync();
        App.Ready();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static OutboxWorker Worker(TestApp app) => app.Services.GetRequiredService<OutboxWorker>();

    private static MimeMessage Mail(string subject)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse("guest@example.org"));
        message.Body = new TextPart("plain") { Text = "Hello" };
        return message;
    }

    /// <summary>Queues each subject as its own message in one save; returns the rows' ids.</summary>
    private async Task<List<Guid>> QueueAsync(params string[] subjects)
    {
        var mission = await App.DefaultMissionAsync();
        using var scope = App.BackgroundScope(mission.Id);
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var ids = new List<Guid>();
        foreach (var subject in subjects)
        {
            ids.Add((await outbox.AddAsync(mission.Id, subject, Mail(subject))).Id);
        }
        await scope.ServiceProvider.GetRequiredService<ChanceryDb>().SaveChangesAsync();
        return ids;
    }

    private Task<OutboxMessage> RowAsync(Guid id) => App.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id));

    private List<string> Received()
    {
        var subjects = new List<string>();
        while (_smtp.TryTake(out var message))
        {
            subjects.Add(message!.Subject ?? "");
        }
        return subjects;
    }

    private static async Task DrainAsync(params OutboxWorker[] workers)
    {
        while ((await Task.WhenAll(workers.Select(w => w.SendDueAsync(CancellationToken.None)))).Sum() > 0)
        {
        }
    }

    [Fact]
    public async Task A_message_commits_with_the_change_that_caused_it_or_not_at_all()
    {
        var mission = await App.DefaultMissionAsync();
        using (var scope = App.BackgroundScope(mission.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Categories.Add(new Category { MissionId = mission.Id, Name = "Rolled back" });
            await scope.ServiceProvider.GetRequiredService<Outbox>().AddAsync(mission.Id, "rolled-back", Mail("Rolled back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        using (var scope = App.BackgroundScope(mission.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            db.Categories.Add(new Category { MissionId = mission.Id, Name = "Kept" });
            await scope.ServiceProvider.GetRequiredService<Outbox>().AddAsync(mission.Id, "kept", Mail("Kept"));
            await db.SaveChangesAsync();
        }

        var keys = await App.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().Select(m => m.DedupKey).ToListAsync());
        Assert.Equal(["kept"], keys);
    }

    [Fact]
    public async Task Queuing_the_same_mail_twice_sends_it_once()
    {
        _smtp.Start();
        var first = await QueueAsync("guest-1", "guest-1");
        var second = await QueueAsync("guest-1");

        await DrainAsync(Worker(App));

        Assert.Single(first.Distinct());
        Assert.Equal(first[0], second[0]);
        Assert.Equal(["guest-1"], Received());
        Assert.Equal(0, await Worker(App).SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_goes_through_one_smtp_connection()
    {
        _smtp.Start();
        await QueueAsync([.. Enumerable.Range(0, 10).Select(i => $"invitation {i}")]);

        await Worker(App).SendDueAsync(CancellationToken.None);

        Assert.Equal(10, Received().Count);
        Assert.Equal(1, _smtp.Sessions);
    }

    [Fact]
    public async Task A_mail_that_cannot_be_delivered_waits_and_is_retried_when_the_server_is_back()
    {
        var id = (await QueueAsync("retry-me")).Single();

        await Worker(App).SendDueAsync(CancellationToken.None); // no SMTP server yet
        var failed = await RowAsync(id);
        Assert.Equal((OutboxStatus.Queued, 1, (string?)null), (failed.Status, failed.Attempts, failed.LeaseOwner));
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.True(failed.NextAttemptAt > App.Clock.GetUtcNow());

        _smtp.Start();
        Assert.Equal(0, await Worker(App).SendDueAsync(CancellationToken.None)); // not due yet
        App.Clock.Advance(TimeSpan.FromSeconds(31));
        await Worker(App).SendDueAsync(CancellationToken.None);

        Assert.Equal(["retry-me"], Received());
        var sent = await RowAsync(id);
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
    }

    [Fact]
    public async Task A_message_whose_answer_was_lost_goes_again_with_the_same_message_id_and_the_mail_log_says_so()
    {
        _smtp.Start();
        _smtp.LoseNextReply();
        var id = (await QueueAsync("answer-lost")).Single();

        // The worker hands the message over; the mail server keeps it but its answer never comes.
        var sending = Worker(App).SendDueAsync(CancellationToken.None);
        var first = await _smtp.NextAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1.5)); // past Email:SendTimeout: the worker gives up on the answer
        await sending;
        var waiting = await RowAsync(id);
        Assert.Equal((OutboxStatus.Queued, 1), (waiting.Status, waiting.UnconfirmedAttempts));

        App.Clock.Advance(TimeSpan.FromSeconds(31));
        await Worker(App).SendDueAsync(CancellationToken.None);

        var second = await _smtp.NextAsync();
        Assert.Equal(first.MessageId, second.MessageId);
        var sent = await RowAsync(id);
        Assert.Equal((OutboxStatus.Sent, 2, 1, first.MessageId), (sent.Status, sent.Attempts, sent.UnconfirmedAttempts, sent.MessageId));

        using var admin = await StaffSession.SignInAsync(App);
        var log = await admin.GetPageAsync("/staff/mail");
        Assert.Contains("may have gone twice", log.QuerySelector($"a[href='/staff/mail/{id}']")!.Closest("tr")!.TextContent);
        var detail = await admin.GetPageAsync($"/staff/mail/{id}");
        Assert.Contains(first.MessageId!, detail.QuerySelector("article")!.TextContent);
        Assert.Contains("may have two copies", detail.QuerySelector("article")!.TextContent);
    }

    [Fact]
    public async Task Mail_queued_unrendered_is_written_by_the_worker_in_its_missions_scope()
    {
        _smtp.Start();
        var mission = await App.DefaultMissionAsync();
        Guid id;
        using (var scope = App.BackgroundScope(mission.Id))
        {
            var rows = await scope.ServiceProvider.GetRequiredService<Outbox>().AddForRenderingAsync(mission.Id, MissionNoteRenderer.Key,
                [("note-1", OutboxAbout.Contact(Guid.NewGuid()), "guest@example.org"), ("note-1", OutboxAbout.Contact(Guid.NewGuid()), "guest@example.org")]);
            await scope.ServiceProvider.GetRequiredService<ChanceryDb>().SaveChangesAsync();
            id = rows.Select(r => r.Id).Distinct().Single();
        }
        Assert.Null((await RowAsync(id)).Mime);

        await Worker(App).SendDueAsync(CancellationToken.None);

        // The renderer saw the mission through the background scope: its name, and only it.
        Assert.Equal([$"Note from {mission.Name} (1 mission visible)"], Received());
        // Once sent, the rendered copy is dropped (an invitation's holds a guest's link); what the mail log shows stays.
        var row = await RowAsync(id);
        Assert.Null(row.Mime);
        Assert.NotNull(row.MessageId);
        Assert.Equal($"Note from {mission.Name} (1 mission visible)", row.Subject);
    }

    [Fact]
    public async Task A_message_stopped_while_the_worker_writes_it_is_not_sent()
    {
        _smtp.Start();
        var mission = await App.DefaultMissionAsync();
        using (var scope = App.BackgroundScope(mission.Id))
        {
            await scope.ServiceProvider.GetRequiredService<Outbox>().AddForRenderingAsync(mission.Id, StoppedWhileWritingRenderer.Key,
                [("stopped", OutboxAbout.Contact(Guid.NewGuid()), "guest@example.org")]);
            await scope.ServiceProvider.GetRequiredService<Outbox>().AddForRenderingAsync(mission.Id, MissionNoteRenderer.Key,
                [("goes", OutboxAbout.Contact(Guid.NewGuid()), "guest@example.org")]);
            await scope.ServiceProvider.GetRequiredService<ChanceryDb>().SaveChangesAsync();
        }

        await Worker(App).SendDueAsync(CancellationToken.None);

        Assert.Equal([$"Note from {mission.Name} (1 mission visible)"], Received());
        var stopped = await App.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().SingleAsync(m => m.DedupKey == "stopped"));
        Assert.Equal((OutboxStatus.Failed, "Stopped while it was written."), (stopped.Status, stopped.LastError));
    }

    [Fact]
    public async Task Two_servers_sending_at_once_send_every_message_once()
    {
        _smtp.Start();
        var second = NewApp(sharingDatabaseOf: App).With("Email:BatchSize", "3");
        App.With("Email:BatchSize", "3");
        await second.InitializeAsync();
        await QueueAsync([.. Enumerable.Range(0, 20).Select(i => $"invitation {i:00}")]);

        await DrainAsync(Worker(App), Worker(second));

        var received = Received();
        Assert.Equal(20, received.Count);
        Assert.Equal(20, received.Distinct().Count());
    }

    [Fact]
    public async Task A_slow_mail_server_does_not_let_a_second_server_send_what_the_first_is_still_sending()
    {
        // One server claims 20 messages; each takes 50 s to go through. After three, the first claim's lease has
        // run out for the 16 not yet started: the second server takes those. The first must then skip them.
        _smtp.Start().Hold();
        var second = NewApp(sharingDatabaseOf: App);
        await second.InitializeAsync();
        await QueueAsync([.. Enumerable.Range(0, 20).Select(i => $"invitation {i:00}")]);
        var lease = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Lease;

        var first = Worker(App).SendDueAsync(CancellationToken.None);
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < 3; i++)
        {
            await _smtp.SenderWaitingAsync();
            App.Clock.Advance(TimeSpan.FromSeconds(50));
            elapsed += TimeSpan.FromSeconds(50);
            _smtp.Release();
        }
        await _smtp.SenderWaitingAsync(); // the fourth is under way, its lease renewed
        App.Clock.Advance(lease - elapsed + TimeSpan.FromSeconds(10));
        var takenOver = Worker(second).SendDueAsync(CancellationToken.None);
        _smtp.Open();
        await Task.WhenAll(first, takenOver);
        await DrainAsync(Worker(App), Worker(second));

        var received = Received();
        Assert.Equal(20, received.Count);
        Assert.Equal(20, received.Distinct().Count());
        Assert.Equal(16, await takenOver);
    }

    [Fact]
    public async Task A_send_slower_than_its_lease_is_abandoned_before_another_server_may_take_it()
    {
        _smtp.Start().Hold();
        var second = NewApp(sharingDatabaseOf: App);
        await second.InitializeAsync();
        var id = (await QueueAsync("slow")).Single();

        var first = Worker(App).SendDueAsync(CancellationToken.None);
        await _smtp.SenderWaitingAsync();
        App.Clock.Advance(TimeSpan.FromSeconds(61)); // past the send timeout, still inside the lease
        await first;

        var abandoned = await RowAsync(id);
        Assert.Equal((OutboxStatus.Queued, 1, (string?)null), (abandoned.Status, abandoned.Attempts, abandoned.LeaseOwner));
        Assert.Contains("did not take the message", abandoned.LastError);

        _smtp.Open();
        App.Clock.Advance(TimeSpan.FromSeconds(31));
        await DrainAsync(Worker(App), Worker(second));
        Assert.Equal(["slow"], Received());
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task Erasing_a_person_erases_the_mail_about_them_and_stops_what_is_queued()
    {
        _smtp.Start();
        var mission = await App.DefaultMissionAsync();
        using var scope = App.BackgroundScope(mission.Id);
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var person = new Contact { MissionId = mission.Id, FirstName = "Rana", LastName = "Al-Khatib", Email = "rana@example.org" };
        person.RefreshKeys();
        db.Contacts.Add(person);
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var sent = await outbox.AddAsync(mission.Id, "sent-to-rana", Mail("Dear Rana Al-Khatib"), OutboxAbout.Contact(person.Id));
        await db.SaveChangesAsync();
        await Worker(App).SendDueAsync(CancellationToken.None);
        Assert.Equal(["Dear Rana Al-Khatib"], Received());
        var queued = await outbox.AddAsync(mission.Id, "queued-for-rana", Mail("Dear Rana, again"), OutboxAbout.Contact(person.Id));
        var unrelated = await outbox.AddAsync(mission.Id, "for-someone-else", Mail("Dear someone else"));
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<PersonalData>().EraseAsync(person);
        await Worker(App).SendDueAsync(CancellationToken.None);

        Assert.Equal(["Dear someone else"], Received());
        foreach (var id in new[] { sent.Id, queued.Id })
        {
            var row = await RowAsync(id);
            Assert.Null(row.Mime);
            Assert.Equal(("(erased)", "(erased)"), (row.Subject, row.Recipient));
        }
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(sent.Id)).Status);
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(queued.Id)).Status);
        Assert.Equal("Dear someone else", (await RowAsync(unrelated.Id)).Subject);
    }

    /// <summary>Plays a guest taken off the list while their message is being written: the row is stopped meanwhile.</summary>
    private sealed class StoppedWhileWritingRenderer(IServiceScopeFactory scopes) : IOutboxRenderer
    {
        public const string Key = "test-stopped";

        public string Name => Key;

        public async Task<MimeMessage> RenderAsync(OutboxMessage message, CancellationToken ct)
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ChanceryDb>().OutboxMessages.IgnoreQueryFilters().Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "Stopped while it was written."), ct);
            return Mail("Must not arrive");
        }
    }

    /// <summary>Writes a message that names the mission the worker's scope shows it.</summary>
    private sealed class MissionNoteRenderer(ChanceryDb db) : IOutboxRenderer
    {
        public const string Key = "test-note";

        public string Name => Key;

        public async Task<MimeMessage> RenderAsync(OutboxMessage message, CancellationToken ct)
        {
            var visible = await db.Missions.Select(m => m.Name).ToListAsync(ct);
            var mail = Mail($"Note from {visible.FirstOrDefault()} ({visible.Count} mission visible)");
            return mail;
        }
    }
}

public sealed class OutboxTestsOnSqlite() : OutboxTests(DatabaseSetup.Sqlite);

public sealed class OutboxTestsOnPostgres() : OutboxTests(DatabaseSetup.Postgres);
