using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>
/// Sends queued mail; every app server runs one. A worker claims a batch with one conditional update (rows whose
/// lease is free become its own), renews each message's lease just before sending it, never lets a send outlive
/// that lease, and records the outcome only while it still owns the row. So two servers never send one message
/// twice, even when the mail server is slow. A batch shares one SMTP connection. Mail queued unrendered is written
/// here by its <see cref="IOutboxRenderer"/>, in a scope of the message's mission. A failed send is retried with a
/// growing delay until <see cref="EmailOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock,
    IOptions<EmailOptions> options, OutboxSignal signal, ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>This worker's name on the rows it leases: server, process and instance.</summary>
    public string Owner { get; } = OutboxContent.Clip($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 200);

    private EmailOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.RunWorker)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, ex);
            }
            await signal.WaitAsync(Options.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Claims and sends one batch of due messages; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var claimed = await ClaimAsync(db, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        IMailSession? session = null;
        var renderers = new RenderScopes(scopes);
        var finished = false;
        try
        {
            foreach (var (id, leasedUntil) in claimed)
            {
                ct.ThrowIfCancellationRequested();
                session = await SendOneAsync(db, id, leasedUntil, renderers, session, ct);
            }
            finished = true;
        }
        finally
        {
            renderers.Dispose();
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            if (!finished)
            {
                // Shutting down, or the batch cut short by an error: what this worker claimed but did not send goes
                // back at once, not when its lease ends.
                await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.LeaseOwner == Owner && m.Status == OutboxStatus.Queued)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), CancellationToken.None);
            }
        }
        return claimed.Count;
    }

    /// <summary>
    /// One scope per mission for a batch's rendering (the mission's background scope): a renderer reads what its
    /// messages share once per batch, not once per message.
    /// </summary>
    private sealed class RenderScopes(IServiceScopeFactory scopes) : IDisposable
    {
        private readonly Dictionary<Guid, IServiceScope> _byMission = [];

        public IServiceProvider For(Guid missionId)
        {
            if (!_byMission.TryGetValue(missionId, out var scope))
            {
                scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<MissionScope>().EnterBackground(missionId);
                _byMission[missionId] = scope;
            }
            return scope.ServiceProvider;
        }

        public void Dispose()
        {
            foreach (var scope in _byMission.Values)
            {
                scope.Dispose();
            }
        }
    }

    // One statement: on PostgreSQL a row another worker is claiming at the same moment is re-checked after its
    // update commits, and no longer matches; SQLite runs writes one at a time.
    // Each row with its own lease end: a row left from a batch an error cut short still has that batch's.
    private async Task<List<(Guid Id, DateTimeOffset LeasedUntil)>> ClaimAsync(ChanceryDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Options.Lease;
        var due = db.OutboxMessages.IgnoreQueryFilters()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now));
        var batch = due.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(Options.BatchSize);
        var claimed = await due.Where(m => batch.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, Owner).SetProperty(m => m.LeasedUntil, until), ct);
        if (claimed == 0)
        {
            return [];
        }
        var rows = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.LeaseOwner == Owner && m.Status == OutboxStatus.Queued && m.LeasedUntil >= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.LeasedUntil }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.LeasedUntil!.Value))];
    }

    /// <summary>
    /// Sends one claimed message (<paramref name="claimedUntil"/>: its lease end as the claim read it back); returns
    /// the session to reuse for the next (null after a failure).
    /// </summary>
    private async Task<IMailSession?> SendOneAsync(
        ChanceryDb db, Guid id, DateTimeOffset claimedUntil, RenderScopes renderers, IMailSession? session, CancellationToken ct)
    {
        // The lease must outlast this send by the margin. Fresh from the claim it does (no write needed); later in a
        // slow batch this message's lease alone is renewed from now, so the fiftieth message has its full lease too,
        // while those not started stay free for another server once the claim's lease ends.
        var leaseStart = clock.GetUtcNow();
        var leasedUntil = claimedUntil;
        if (leasedUntil - leaseStart < Options.SendTimeout + Options.LeaseMargin)
        {
            var renewed = await db.OutboxMessages.IgnoreQueryFilters()
                .Where(m => m.Id == id && m.LeaseOwner == Owner && m.Status == OutboxStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, leaseStart + Options.Lease), ct);
            if (renewed == 0)
            {
                LogLeaseLost(logger, id);
                return session;
            }
            leasedUntil = leaseStart + Options.Lease;
        }
        // Read just before sending, and only while still this worker's and queued: a message stopped since the claim
        // (its guest taken off the list, its person erased) is not sent.
        var row = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == id && m.LeaseOwner == Owner && m.Status == OutboxStatus.Queued, ct);
        if (row is null)
        {
            LogLeaseLost(logger, id);
            return session;
        }
        var attempts = row.Attempts + 1;
        var handedOver = false;
        try
        {
            var message = row.Mime is null ? await RenderAsync(row, renderers.For(row.MissionId), ct) : await LoadAsync(row.Mime, ct);
            if (message is null)
            {
                LogLeaseLost(logger, id); // stopped (or taken over) while it was being written: not sent
                return session;
            }
            // The send is abandoned before the lease ends (rendering counts against it too), so no other worker can
            // take the message while it is under way.
            var left = Min(leaseStart + Options.SendTimeout, leasedUntil - Options.LeaseMargin) - clock.GetUtcNow();
            using var deadline = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            try
            {
                session ??= await transport.OpenAsync(linked.Token);
                handedOver = true;
                await session.SendAsync(message, linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The mail server did not take the message within {Options.SendTimeout}.");
            }
            // Recorded even while the server shuts down: the mail server has it, and a retry would send it twice.
            // A message written by a renderer is kept only until sent: an invitation holds the guest's link and door
            // code, and the renderer writes it again the same way if it is ever needed; the Message-Id stays.
            var keep = row.Renderer is null;
            await CompleteAsync(db, id, s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.Mime, m => keep ? m.Mime : null), CancellationToken.None);
            LogSent(logger, id, row.MissionId);
            return session;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = OutboxContent.Clip(ex.Message, 2000);
            var failed = attempts >= Options.MaxAttempts;
            // Once the message was on its way, only an answer from the mail server (a refusal with its code) says it
            // was not taken; a dropped connection or an answer that never came leaves it open. The retry sends the
            // same bytes, with the same Message-Id, so a second copy is recognisable as one.
            var unconfirmed = handedOver && ex is not (MailKit.Net.Smtp.SmtpCommandException or MailKit.ServiceNotConnectedException) ? 1 : 0;
            // 30 s, 1 min, 2 min, 4 min ... capped at an hour
            var retryAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, attempts - 1)));
            if (session is not null)
            {
                await session.DisposeAsync(); // the connection may be in any state after a failure
                session = null;
            }
            await CompleteAsync(db, id, s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Queued).SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, Domain.Contacts.Text.Fit(error))
                .SetProperty(m => m.UnconfirmedAttempts, m => m.UnconfirmedAttempts + unconfirmed), CancellationToken.None);
            LogSendFailed(logger, id, attempts, error);
            return null;
        }
        catch (OperationCanceledException) when (session is not null)
        {
            await session.DisposeAsync(); // shutting down: the caller never sees this session
            throw;
        }
    }

    // Records an outcome and frees the lease, but only while this worker still holds it.
    private async Task CompleteAsync(ChanceryDb db, Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> outcome, CancellationToken ct)
    {
        var done = await db.OutboxMessages.IgnoreQueryFilters()
            .Where(m => m.Id == id && m.LeaseOwner == Owner && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s =>
            {
                outcome(s);
                s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null);
            }, ct);
        if (done == 0)
        {
            LogLeaseLost(logger, id);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // Written in a scope of the message's mission, as that mission's background work; stored so a retry sends the same
    // bytes. Null when the row is no longer this worker's queued message by then (its guest was taken off the list).
    private async Task<MimeMessage?> RenderAsync(OutboxMessage row, IServiceProvider services, CancellationToken ct)
    {
        var renderer = services.GetServices<IOutboxRenderer>().FirstOrDefault(r => r.Name == row.Renderer)
            ?? throw new InvalidOperationException($"No renderer '{row.Renderer}' is registered.");
        var message = await renderer.RenderAsync(row, ct);
        var content = await OutboxContent.OfAsync(message, Options.From, ct);
        var db = services.GetRequiredService<ChanceryDb>();
        var stored = await db.OutboxMessages.IgnoreQueryFilters()
            .Where(m => m.Id == row.Id && m.LeaseOwner == Owner && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Mime, content.Mime).SetProperty(m => m.MessageId, content.MessageId)
                .SetProperty(m => m.Subject, content.Subject).SetProperty(m => m.Recipient, content.Recipient), ct);
        return stored == 0 ? null : message;
    }

    private static async Task<MimeMessage> LoadAsync(byte[] mime, CancellationToken ct)
    {
        using var stream = new MemoryStream(mime);
        return await MimeMessage.LoadAsync(stream, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox message {MessageId} of mission {MissionId}")]
    private static partial void LogSent(ILogger logger, Guid messageId, Guid missionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {MessageId} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, Guid messageId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} is no longer leased to this server; another server has it")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex);
}
