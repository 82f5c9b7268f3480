using Chancery.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>
/// Sends queued mail. Each row is leased with a conditional update before it is sent, so several
/// app servers can run this worker against one database without sending a message twice.
/// A failed send is retried with a growing delay until <see cref="EmailOptions.MaxAttempts"/>.
/// </summary>
internal sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock,
    IOptions<EmailOptions> options, OutboxSignal signal, ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Sends one batch of due messages; returns how many it tried.</summary>
    internal async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.IgnoreQueryFilters()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(20)
            .ToListAsync(ct);

        foreach (var id in due)
        {
            var leased = await db.OutboxMessages.IgnoreQueryFilters()
                .Where(m => m.Id == id && m.Status == OutboxStatus.Queued && (m.LeasedUntil == null || m.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, now + Lease), ct);
            if (leased == 0)
            {
                continue; // another server took it
            }
            var row = await db.OutboxMessages.IgnoreQueryFilters().AsTracking().SingleAsync(m => m.Id == id, ct);
            await SendOneAsync(row, ct);
            row.LeasedUntil = null;
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }

    private async Task SendOneAsync(OutboxMessage row, CancellationToken ct)
    {
        row.Attempts++;
        try
        {
            using var stream = new MemoryStream(row.Mime);
            var message = await MimeMessage.LoadAsync(stream, ct);
            await transport.SendAsync(message, ct);
            row.Status = OutboxStatus.Sent;
            row.SentAt = clock.GetUtcNow();
            row.LastError = null;
            LogSent(logger, row.Id, row.MissionId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (row.Attempts >= options.Value.MaxAttempts)
            {
                row.Status = OutboxStatus.Failed;
            }
            else
            {
                // 30 s, 1 min, 2 min, 4 min ... capped at an hour
                var delay = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, row.Attempts - 1)));
                row.NextAttemptAt = clock.GetUtcNow() + delay;
            }
            LogSendFailed(logger, row.Id, row.Attempts, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox message {MessageId} of mission {MissionId}")]
    private static partial void LogSent(ILogger logger, Guid messageId, Guid missionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {MessageId} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, Guid messageId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex);
}
