using System.Threading.Channels;
using Chancery.Data.HandWritten;
using Chancery.Domain.Guests;

namespace Chancery.Domain.Door;

/// <summary>
/// The door's one writer: decides admissions and writes the scan log in batches, as a group commit does. Every scan
/// received while the last batch was being written goes into the next one — one transaction, one commit, however
/// many stations are scanning (two writers in one process would also wait on each other for SQLite's lock). Within
/// it each person's admission is an <c>INSERT … ON CONFLICT DO NOTHING</c> against the unique index on (event,
/// guest, companion), so whichever server commits first admits and the others learn who did: the read before it only
/// tells the batch who was in before it (and, on SQLite, whose write lock the batch holds, all there is to know).
/// Each scan's log row goes in the same transaction, once per nonce. A scan's answer waits for its
/// batch's commit: "admitted" is said only once the admission and the scan are on disk. This class is the queue;
/// the rules are <see cref="AdmissionRules"/>'s and the statements <see cref="DoorStatements"/>' (the fenced SQL).
/// </summary>
public sealed partial class ScanBatches(IServiceScopeFactory scopes, ILogger<ScanBatches> logger) : BackgroundService
{
    /// <summary>
    /// One scan: to admit the guest (companion 0) or their n-th plus-one, or, with no <see cref="GuestId"/>, a code
    /// that admits nobody (<see cref="Refusal"/> says why) to log. A null <see cref="Code"/> is not logged (a walk-in).
    /// <see cref="UserId"/> and <see cref="UserName"/>: the staff member at the station, for the audit.
    /// </summary>
    public sealed record Request(Guid MissionId, Guid EventId, Guid? GuestId, byte Companion, string Station, string? Nonce, string? Code, DateTimeOffset? ScannedAt,
        DateTimeOffset At, string? Refusal = null, bool AdmittedOffline = false, Guid? UserId = null, string UserName = "system");

    private sealed record Pending(Request Request, TaskCompletionSource<CheckInOutcome> Answer);

    public const int MaxBatch = 256;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });

    /// <summary>
    /// Admits the person unless already in, and says who they are and, when someone was first, when and where. Not
    /// cancellable: a station that gave up waiting sends the scan again with its nonce and is told it was admitted.
    /// </summary>
    public Task<CheckInOutcome> DecideAsync(Request request)
    {
        // Kept as UTC, as every time here is (PostgreSQL refuses another offset; SQLite's ticks would sort wrong).
        request = request with { ScannedAt = request.ScannedAt?.ToUniversalTime() };
        var pending = new Pending(request, new TaskCompletionSource<CheckInOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            // 503: a station takes it as "no answer" and decides on its own, or sends the scan again to another server.
            throw new DomainException("The server is shutting down; send the scan again.", kind: DomainErrorKind.Unavailable);
        }
        return pending.Answer.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAsync(batch); // shutting down: scans already waiting still get their answer
        }
        finally
        {
            // Here, on the one thread that uses it, never from StopAsync while a batch may be running.
            if (_writer is { } writer)
            {
                _writer = null;
                await writer.DisposeAsync();
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private async Task DrainAsync(List<Pending> batch)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count == 0)
            {
                return;
            }
            await DecideOrRetryAsync(batch);
        }
    }

    // A batch that fails is tried again once whole (a deadlock between two servers, a busy database). If the database
    // refused a row (a constraint, a value out of range), the batch is decided again one scan at a time, so only that
    // scan is answered with the failure. Anything else (the database unreachable) fails the batch at once: its
    // stations send the scans again with their nonces, and the writer does not spend hours on one scan after another.
    private async Task DecideOrRetryAsync(List<Pending> batch)
    {
        Exception? failure = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                Answer(batch, await DecideAsync(batch));
                return;
            }
            catch (Exception ex)
            {
                LogBatchRetried(logger, ex, batch.Count);
                failure = ex;
            }
        }
        if (batch.Count == 1 || !RefusedRow(failure!))
        {
            LogScanFailed(logger, failure!);
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(failure!);
            }
            return;
        }
        foreach (var pending in batch)
        {
            try
            {
                Answer([pending], await DecideAsync([pending]));
            }
            catch (Exception ex)
            {
                LogScanFailed(logger, ex);
                pending.Answer.TrySetException(ex);
            }
        }
    }

    private static bool RefusedRow(Exception ex) => ex switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 19 or 20 or 25, // constraint, mismatch, range
        Npgsql.PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => ex.InnerException is { } inner && RefusedRow(inner),
    };

    private static void Answer(List<Pending> batch, CheckInOutcome[] answers)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Answer.TrySetResult(answers[i]);
        }
    }

    private DoorStatements? _writer;

    private async Task<CheckInOutcome[]> DecideAsync(List<Pending> batch)
    {
        _writer ??= new DoorStatements(scopes);
        try
        {
            return await DecideAsync(_writer, [.. batch.Select(p => p.Request)]);
        }
        catch
        {
            var broken = _writer;
            _writer = null;
            await broken.DisposeAsync();
            throw;
        }
    }

    private static async Task<CheckInOutcome[]> DecideAsync(DoorStatements writer, List<Request> batch)
    {
        var answers = new CheckInOutcome?[batch.Count];
        await using var transaction = await writer.BeginAsync();
        var guests = await writer.GuestsAsync(batch.Where(r => r.GuestId is not null).Select(r => r.GuestId!.Value).Distinct().ToList());
        var withNonce = batch.Where(r => r is { Nonce: not null, Code: not null }).Select(r => (r.EventId, r.Nonce!)).Distinct().ToList();
        AdmissionRules.RefuseReusedNonces(batch, await writer.LoggedNoncesAsync(withNonce), answers);

        var (admits, admitting) = AdmissionRules.Decide(batch, guests, answers);
        if (admitting.Count > 0)
        {
            await AdmitAsync(writer, batch, guests, admits, admitting);
        }
        var said = AdmissionRules.SayWhoIsIn(batch, guests, admits, answers);
        if (AdmissionRules.LogRows(batch, said) is { Count: > 0 } logged)
        {
            await writer.LogAsync(logged);
        }
        await transaction.CommitAsync();
        return said;
    }

    // The batch's admissions in one statement, in the order of the unique keys: two servers whose batches admit the
    // same people wait on each other's rows in one order, never in a circle (a deadlock).
    private static async Task AdmitAsync(DoorStatements writer, List<Request> batch, Dictionary<Guid, GuestAtDoor> guests,
        AdmittedAs?[] admits, List<int> admitting)
    {
        var ordered = admitting.OrderBy(i => batch[i].EventId).ThenBy(i => batch[i].GuestId).ThenBy(i => batch[i].Companion).ToList();
        var written = await writer.AdmitAsync(ordered.Select(i =>
        {
            var (r, a) = (batch[i], admits[i]!);
            return new NewAdmission(a.Id, guests[r.GuestId!.Value].MissionId, r.EventId, r.GuestId!.Value, r.Companion, r.Station, r.At, r.ScannedAt, r.Nonce);
        }));
        if (written < ordered.Count)
        {
            // Another server admitted some of them since the read (on PostgreSQL; SQLite's batch holds the write lock
            // throughout): for those, who was first, read in this transaction.
            foreach (var i in ordered)
            {
                var r = batch[i];
                // None at all: the other server's admission was undone since; the batch is tried again from its read.
                var first = await writer.FirstAsync(r.EventId, r.GuestId!.Value, r.Companion) ?? throw new InvalidOperationException("An admission was undone while a batch admitted the same person.");
                if (first.Id != admits[i]!.Id)
                {
                    guests[r.GuestId!.Value].In[r.Companion] = first;
                    admits[i] = null;
                }
            }
        }
        var arrived = ordered.Where(i => admits[i] is not null && batch[i].Companion == 0).ToList();
        if (arrived.Count > 0)
        {
            var marked = await writer.MarkInAsync(arrived.Select(i => (batch[i].GuestId!.Value, batch[i].At, batch[i].Station)));
            // The guest's arrival, audited as a save through EF Core would audit it (AuditInterceptor), by whoever was at the station.
            await writer.AuditAsync(arrived.Where(i => marked.Contains(batch[i].GuestId!.Value)).Select(i => AdmissionRules.Arrival(batch[i], guests[batch[i].GuestId!.Value].MissionId)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} scans failed; trying again")]
    private static partial void LogBatchRetried(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scan failed on its own; its station was told to send it again")]
    private static partial void LogScanFailed(ILogger logger, Exception ex);
}
