using System.Threading.Channels;
using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>
/// The scan log's writes, batched as a group commit batches them: a scan is answered as soon as its admission is
/// decided, and its log row goes out with the others received meanwhile, in one save. A nonce already logged (a
/// station sending again) is not logged twice.
/// </summary>
public sealed partial class ScanLog(IServiceScopeFactory scopes, ILogger<ScanLog> logger) : BackgroundService
{
    private readonly Channel<ScanRecord> _pending = Channel.CreateUnbounded<ScanRecord>(new() { SingleReader = true });
    private long _waiting;

    public const int MaxBatch = 500;

    public void Add(ScanRecord scan)
    {
        Interlocked.Increment(ref _waiting);
        _pending.Writer.TryWrite(scan);
    }

    /// <summary>Returns once every scan added so far is written (tests, and a station asking for its own log).</summary>
    public async Task WrittenAsync(CancellationToken ct = default)
    {
        while (Interlocked.Read(ref _waiting) > 0)
        {
            await Task.Delay(10, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ScanRecord>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAsync(batch); // shutting down: what was answered is still logged
        }
    }

    private async Task DrainAsync(List<ScanRecord> batch)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var scan))
            {
                batch.Add(scan);
            }
            if (batch.Count == 0)
            {
                return;
            }
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad row (or a moment's error) must not take the others with it: one at a time, each kept if it can be.
                LogWriteFailed(logger, ex, batch.Count);
                foreach (var scan in batch)
                {
                    try
                    {
                        await WriteAsync([scan]);
                    }
                    catch (Exception one) when (one is not OperationCanceledException)
                    {
                        LogScanLost(logger, one, scan.EventId, scan.Station, scan.Nonce);
                    }
                }
            }
            finally
            {
                Interlocked.Add(ref _waiting, -batch.Count);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<ScanRecord> batch)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Missions.MissionScope>().EnterSystem();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var nonces = batch.Where(s => s.Nonce is not null).Select(s => s.Nonce!).Distinct().ToList();
        var logged = nonces.Count == 0 ? [] : (await db.ScanRecords.IgnoreQueryFilters()
                .Where(s => s.Nonce != null && nonces.Contains(s.Nonce)).Select(s => new { s.EventId, s.Nonce }).ToListAsync())
            .Select(s => (s.EventId, s.Nonce)).ToHashSet();
        foreach (var scan in batch)
        {
            if (scan.Nonce is null || logged.Add((scan.EventId, scan.Nonce)))
            {
                db.ScanRecords.Add(scan);
            }
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (WriteConflicts.IsConflict(e))
        {
            // Another server logged one of these nonces in the meantime: write them one at a time, skipping those.
            var rows = db.ChangeTracker.Entries<ScanRecord>().Select(x => x.Entity).ToList();
            db.ChangeTracker.Clear();
            foreach (var row in rows)
            {
                db.ScanRecords.Add(row);
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException again) when (WriteConflicts.IsConflict(again))
                {
                    // logged already, by another server
                }
                catch (DbUpdateException other)
                {
                    LogScanLost(logger, other, row.EventId, row.Station, row.Nonce);
                }
                db.ChangeTracker.Clear();
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete(); // what comes after the last drain would be lost: nothing more is taken
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A scan at event {EventId}, station {Station}, nonce {Nonce} could not be logged")]
    private static partial void LogScanLost(ILogger logger, Exception ex, Guid eventId, string station, string? nonce);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} scans to the door's log at once failed; writing them one at a time")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, int count);
}
