using System.Threading.Channels;
using Chancery.Data;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>
/// The door's one writer: decides admissions and writes the scan log in batches, as a group commit does. Every scan
/// received while the last batch was being written goes into the next one — one transaction, one commit, however
/// many stations are scanning (two writers in one process would also wait on each other for SQLite's lock). Within
/// it each person's admission is an <c>INSERT … ON CONFLICT DO NOTHING</c> against the unique index on (event,
/// guest, companion), so whichever server commits first admits and the others learn who did; nothing is read first
/// to decide. Each scan's log row goes in the same transaction, once per nonce. A scan's answer waits for its
/// batch's commit: "admitted" is said only once the admission and the scan are on disk.
/// </summary>
public sealed partial class ScanBatches(IServiceScopeFactory scopes, ILogger<ScanBatches> logger) : BackgroundService
{
    /// <summary>
    /// One scan: to admit the guest (companion 0) or their n-th plus-one, or, with no <see cref="GuestId"/>, a code
    /// that admits nobody (<see cref="Refusal"/> says why) to log. A null <see cref="Code"/> is not logged (a walk-in).
    /// </summary>
    public sealed record Request(Guid MissionId, Guid EventId, Guid? GuestId, byte Companion, string Station, string? Nonce, string? Code, DateTimeOffset? ScannedAt,
        DateTimeOffset At, string? Refusal = null, bool AdmittedOffline = false);

    private sealed record Pending(Request Request, TaskCompletionSource<CheckInOutcome> Answer);

    // Only what the decision and the answer need: the whole person would be read for every guest of every batch.
    // The name's parts come as a Contact of just those fields, so the door writes it as every page does.
    private sealed record GuestAtDoor(Guid Id, Guid EventId, Guid MissionId, RsvpAnswer Rsvp, int PlusOnes, bool Erased, Contacts.Contact Name, string? Organization);

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
            throw new BadHttpRequestException("The server is shutting down; send the scan again.", StatusCodes.Status503ServiceUnavailable);
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

    // The writer's own unit of work, kept from batch to batch (one thread uses it): its context, its connection and
    // its three statements, compiled once, not once a batch. Dropped after a failure and made again.
    private sealed class Writer : IAsyncDisposable
    {
        private readonly IServiceScope _scope;

        public Writer(IServiceScopeFactory scopes)
        {
            _scope = scopes.CreateScope();
            _scope.ServiceProvider.GetRequiredService<Missions.MissionScope>().EnterSystem();
            Db = _scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            Admit = PreparedStatement.For<Admission>(Db, """
                INSERT INTO {table} ({Id}, {MissionId}, {EventId}, {GuestId}, {Companion}, {Station}, {At}, {ScannedAt}, {Nonce})
                VALUES (@Id, @MissionId, @EventId, @GuestId, @Companion, @Station, @At, @ScannedAt, @Nonce)
                ON CONFLICT ({EventId}, {GuestId}, {Companion}) DO NOTHING
                """, nameof(Admission.Id), nameof(Admission.MissionId), nameof(Admission.EventId), nameof(Admission.GuestId), nameof(Admission.Companion),
                nameof(Admission.Station), nameof(Admission.At), nameof(Admission.ScannedAt), nameof(Admission.Nonce));
            MarkIn = PreparedStatement.For<Guest>(Db, "UPDATE {table} SET {CheckedInAt} = @CheckedInAt, {CheckedInBy} = @CheckedInBy WHERE {Id} = @Id AND {CheckedInAt} IS NULL",
                nameof(Guest.CheckedInAt), nameof(Guest.CheckedInBy), nameof(Guest.Id));
            // A nonce already logged (a station sending again; two servers given the same scan) is not logged twice; a
            // station's queued copy of a scan whose answer it never got adds what the first did not know (that the
            // station let the person in on its own, and when it scanned).
            Log = PreparedStatement.For<ScanRecord>(Db, """
                INSERT INTO {table} ({Id}, {MissionId}, {EventId}, {Station}, {Nonce}, {Code}, {ScannedAt}, {ReceivedAt}, {Result}, {Reason}, {GuestId}, {Companion}, {AdmittedOffline})
                VALUES (@Id, @MissionId, @EventId, @Station, @Nonce, @Code, @ScannedAt, @ReceivedAt, @Result, @Reason, @GuestId, @Companion, @AdmittedOffline)
                ON CONFLICT ({EventId}, {Nonce}) WHERE {Nonce} IS NOT NULL DO UPDATE
                SET {AdmittedOffline} = {table}.{AdmittedOffline} OR excluded.{AdmittedOffline}, {ScannedAt} = COALESCE({table}.{ScannedAt}, excluded.{ScannedAt})
                """, nameof(ScanRecord.Id), nameof(ScanRecord.MissionId), nameof(ScanRecord.EventId), nameof(ScanRecord.Station), nameof(ScanRecord.Nonce), nameof(ScanRecord.Code),
                nameof(ScanRecord.ScannedAt), nameof(ScanRecord.ReceivedAt), nameof(ScanRecord.Result), nameof(ScanRecord.Reason), nameof(ScanRecord.GuestId), nameof(ScanRecord.Companion),
                nameof(ScanRecord.AdmittedOffline));
            // The two reads, a row at a time on statements kept compiled: through EF Core, a batch's guests and its
            // "who was first" were two thirds of the writer's time (docs/performance.md).
            ReadGuest = PreparedStatement.For<Guest>(Db, """
                SELECT g.{EventId}, g.{MissionId}, g.{Rsvp}, g.{PlusOnes}, c.{Contact.ErasedAt}, c.{Contact.Honorific}, c.{Contact.FirstName},
                       c.{Contact.LastName}, c.{Contact.NameOrder}, c.{Contact.Language}, o.{Organization.Name}
                FROM {table} g
                JOIN {Contact} c ON c.{Contact.Id} = g.{ContactId}
                LEFT JOIN {Organization} o ON o.{Organization.Id} = c.{Contact.OrganizationId}
                WHERE g.{Id} = @Id
                """, nameof(Guest.Id));
            ReadFirst = PreparedStatement.For<Admission>(Db, """
                SELECT {At}, {Station}, {Nonce} FROM {table} WHERE {EventId} = @EventId AND {GuestId} = @GuestId AND {Companion} = @Companion
                """, nameof(Admission.EventId), nameof(Admission.GuestId), nameof(Admission.Companion));
            _times = Db.Model.FindEntityType(typeof(Admission))!.FindProperty(nameof(Admission.At))!.GetTypeMapping().Converter;
        }

        public ChanceryDb Db { get; }
        public PreparedStatement Admit { get; }
        public PreparedStatement MarkIn { get; }
        public PreparedStatement Log { get; }
        public PreparedStatement ReadGuest { get; }
        public PreparedStatement ReadFirst { get; }
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _times;

        public IEnumerable<PreparedStatement> Statements => [Admit, MarkIn, Log, ReadGuest, ReadFirst];

        public async ValueTask DisposeAsync()
        {
            foreach (var statement in Statements)
            {
                await statement.DisposeAsync();
            }
            _scope.Dispose();
        }

        public async Task<GuestAtDoor?> GuestAsync(Guid id)
        {
            await using var row = await ReadGuest.ReadAsync(System.Data.CommandBehavior.SingleRow, id);
            if (!await row.ReadAsync())
            {
                return null;
            }
            var name = new Contacts.Contact
            {
                Honorific = row.TextOrNull(5),
                FirstName = row.TextOrNull(6),
                LastName = row.GetString(7),
                NameOrder = row.EnumOrNull<Contacts.Names.NameOrder>(8),
                Language = row.TextOrNull(9),
            };
            return new GuestAtDoor(id, row.GetGuid(0), row.GetGuid(1), Enum.Parse<RsvpAnswer>(row.GetString(2)), row.GetInt32(3), !row.IsDBNull(4), name, row.TextOrNull(10));
        }

        public async Task<(DateTimeOffset At, string Station, string? Nonce)?> FirstAsync(Guid eventId, Guid guestId, byte companion)
        {
            await using var row = await ReadFirst.ReadAsync(System.Data.CommandBehavior.SingleRow, eventId, guestId, companion);
            if (!await row.ReadAsync())
            {
                return null;
            }
            // A time is a number on SQLite (the model's converter), a timestamptz on PostgreSQL.
            var at = _times is { } times ? (DateTimeOffset)times.ConvertFromProvider(row.GetValue(0))! : row.GetFieldValue<DateTimeOffset>(0);
            return (at, row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2));
        }
    }

    private Writer? _writer;

    private async Task<CheckInOutcome[]> DecideAsync(List<Pending> batch)
    {
        _writer ??= new Writer(scopes);
        try
        {
            return await DecideAsync(_writer, batch);
        }
        catch
        {
            var broken = _writer;
            _writer = null;
            await broken.DisposeAsync();
            throw;
        }
    }

    private static async Task<CheckInOutcome[]> DecideAsync(Writer writer, List<Pending> batch)
    {
        var (db, admit, markIn, log) = (writer.Db, writer.Admit, writer.MarkIn, writer.Log);
        var answers = new CheckInOutcome[batch.Count];
        // SQLite: BEGIN IMMEDIATE, so the batch holds the one write lock from its first read to its commit.
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var statement in writer.Statements)
        {
            statement.Enlist(db);
        }
        var guests = new Dictionary<Guid, GuestAtDoor>();
        foreach (var id in batch.Where(p => p.Request.GuestId is not null).Select(p => p.Request.GuestId!.Value).Distinct())
        {
            if (await writer.GuestAsync(id) is { } guest)
            {
                guests.Add(id, guest);
            }
        }

        // In the order of the unique keys, a scan's place in the queue kept among its own key's: two servers whose
        // batches admit the same people wait on each other's rows in one order, never in a circle (a deadlock).
        var byAdmission = Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].Request.EventId).ThenBy(i => batch[i].Request.GuestId).ThenBy(i => batch[i].Request.Companion).ToList();
        var taken = new List<int>();
        foreach (var i in byAdmission)
        {
            var r = batch[i].Request;
            if (r.GuestId is null)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, r.Refusal ?? CheckInReasons.NotOnList);
                continue;
            }
            if (!guests.TryGetValue(r.GuestId.Value, out var guest) || guest.EventId != r.EventId || guest.Erased)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, CheckInReasons.NotOnList);
                continue;
            }
            var (name, organization) = (guest.Name.DisplayName, guest.Organization);
            if (guest.Rsvp is RsvpAnswer.Declined or RsvpAnswer.Waitlisted)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Declined, guest.Rsvp == RsvpAnswer.Waitlisted ? CheckInReasons.Waitlisted : null, r.GuestId, r.Companion,
                    DisplayName: name, Organization: organization);
                continue;
            }
            if (r.Companion > guest.PlusOnes)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Declined, CheckInReasons.CompanionNotExpected, r.GuestId, r.Companion, DisplayName: name, Organization: organization);
                continue;
            }
            if (await admit.RunAsync(Guid.CreateVersion7(), guest.MissionId, r.EventId, guest.Id, r.Companion, r.Station, r.At, r.ScannedAt, r.Nonce) == 1)
            {
                if (r.Companion == 0)
                {
                    await markIn.RunAsync(r.At, r.Station, guest.Id);
                }
                answers[i] = new CheckInOutcome(CheckInResult.Admitted, null, r.GuestId, r.Companion, r.At, r.Station, name, organization);
            }
            else
            {
                answers[i] = new CheckInOutcome(CheckInResult.AlreadyCheckedIn, null, r.GuestId, r.Companion, DisplayName: name, Organization: organization);
                taken.Add(i);
            }
        }
        if (taken.Count > 0)
        {
            // Who was first, read in the same transaction (an admission of this very batch included).
            foreach (var i in taken)
            {
                var r = batch[i].Request;
                if (await writer.FirstAsync(r.EventId, r.GuestId!.Value, r.Companion) is { } first)
                {
                    // The same scan sent again by the same station (a retry after a lost answer) gets the answer it had.
                    var result = r.Nonce is not null && first.Nonce == r.Nonce && first.Station == r.Station ? CheckInResult.Admitted : CheckInResult.AlreadyCheckedIn;
                    answers[i] = answers[i] with { Result = result, CheckedInAt = first.At, Station = first.Station };
                }
            }
        }
        foreach (var i in Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].Request.EventId).ThenBy(i => batch[i].Request.Nonce, StringComparer.Ordinal))
        {
            var (r, a) = (batch[i].Request, answers[i]);
            if (r.Code is null)
            {
                continue;
            }
            await log.RunAsync(Guid.CreateVersion7(), r.MissionId, r.EventId, r.Station, r.Nonce, r.Code, r.ScannedAt, r.At, a.Result, a.Reason, a.GuestId, r.Companion, r.AdmittedOffline);
        }
        await transaction.CommitAsync();
        return answers;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} scans failed; trying again")]
    private static partial void LogBatchRetried(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scan failed on its own; its station was told to send it again")]
    private static partial void LogScanFailed(ILogger logger, Exception ex);
}
