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
/// guest, companion), so whichever server commits first admits and the others learn who did: the read before it only
/// tells the batch who was in before it (and, on SQLite, whose write lock the batch holds, all there is to know).
/// Each scan's log row goes in the same transaction, once per nonce. A scan's answer waits for its
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
    // The name's parts come as a Contact of just those fields, so the door writes it as every page does. In: who of
    // theirs is in (the guest, 0, and plus-ones), as read with them or admitted by this batch.
    private sealed record GuestAtDoor(Guid EventId, Guid MissionId, RsvpAnswer Rsvp, int PlusOnes, bool Erased, Contacts.Contact Name, string? Organization)
    {
        public Dictionary<byte, AdmittedAs> In { get; } = [];
    }

    private sealed record AdmittedAs(Guid Id, DateTimeOffset At, string Station, string? Nonce);

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

    // The writer's own unit of work, kept from batch to batch (one thread uses it): its context, its connection and
    // its statements, compiled once. Each takes the whole batch as its rows (PreparedStatement.ForRows): a batch is
    // four statements and a commit however many scans it holds (more only when another server was first to someone
    // since the read); a statement per scan cost more in the driver than the database's work (docs/performance.md).
    // Dropped after a failure and made again.
    private sealed class Writer : IAsyncDisposable
    {
        private readonly IServiceScope _scope;

        public Writer(IServiceScopeFactory scopes)
        {
            _scope = scopes.CreateScope();
            _scope.ServiceProvider.GetRequiredService<Missions.MissionScope>().EnterSystem();
            Db = _scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            // The batch's guests, each with who of theirs is already in: a row per admission, or one with none.
            ReadGuests = PreparedStatement.ForRows<Guest>(Db, """
                SELECT g.{Id}, g.{EventId}, g.{MissionId}, g.{Rsvp}, g.{PlusOnes}, c.{Contact.ErasedAt}, c.{Contact.Honorific}, c.{Contact.FirstName},
                       c.{Contact.LastName}, c.{Contact.NameOrder}, c.{Contact.Language}, o.{Organization.Name},
                       a.{Admission.Companion}, a.{Admission.Id}, a.{Admission.At}, a.{Admission.Station}, a.{Admission.Nonce}
                FROM {rows} r
                JOIN {table} g ON g.{Id} = r.{Id}
                JOIN {Contact} c ON c.{Contact.Id} = g.{ContactId}
                LEFT JOIN {Organization} o ON o.{Organization.Id} = c.{Contact.OrganizationId}
                LEFT JOIN {Admission} a ON a.{Admission.EventId} = g.{EventId} AND a.{Admission.GuestId} = g.{Id}
                """, nameof(Guest.Id));
            // ON CONFLICT: what decides between servers (the read above only tells this batch what was in before it).
            Admit = PreparedStatement.ForRows<Admission>(Db, """
                INSERT INTO {table} ({Id}, {MissionId}, {EventId}, {GuestId}, {Companion}, {Station}, {At}, {ScannedAt}, {Nonce})
                SELECT r.{Id}, r.{MissionId}, r.{EventId}, r.{GuestId}, r.{Companion}, r.{Station}, r.{At}, r.{ScannedAt}, r.{Nonce} FROM {rows} r WHERE true
                ON CONFLICT ({EventId}, {GuestId}, {Companion}) DO NOTHING
                """, AdmissionColumns);
            MarkIn = PreparedStatement.ForRows<Guest>(Db, """
                UPDATE {table} SET {CheckedInAt} = r.{CheckedInAt}, {CheckedInBy} = r.{CheckedInBy}
                FROM {rows} r WHERE {table}.{Id} = r.{Id} AND {table}.{CheckedInAt} IS NULL
                """, nameof(Guest.Id), nameof(Guest.CheckedInAt), nameof(Guest.CheckedInBy));
            // A nonce already logged (a station sending again; two servers given the same scan) is not logged twice; a
            // station's queued copy of a scan whose answer it never got adds what the first did not know (that the
            // station let the person in on its own, and when it scanned).
            Log = PreparedStatement.ForRows<ScanRecord>(Db, """
                INSERT INTO {table} ({Id}, {MissionId}, {EventId}, {Station}, {Nonce}, {Code}, {ScannedAt}, {ReceivedAt}, {Result}, {Reason}, {GuestId}, {Companion}, {AdmittedOffline})
                SELECT r.{Id}, r.{MissionId}, r.{EventId}, r.{Station}, r.{Nonce}, r.{Code}, r.{ScannedAt}, r.{ReceivedAt}, r.{Result}, r.{Reason}, r.{GuestId}, r.{Companion}, r.{AdmittedOffline}
                FROM {rows} r WHERE true
                ON CONFLICT ({EventId}, {Nonce}) WHERE {Nonce} IS NOT NULL DO UPDATE
                SET {AdmittedOffline} = {table}.{AdmittedOffline} OR excluded.{AdmittedOffline}, {ScannedAt} = COALESCE({table}.{ScannedAt}, excluded.{ScannedAt})
                """, LogColumns);
            ReadNonces = PreparedStatement.ForRows<ScanRecord>(Db, """
                SELECT s.{EventId}, s.{Nonce}, s.{Code}, s.{GuestId}, s.{Companion} FROM {rows} r JOIN {table} s ON s.{EventId} = r.{EventId} AND s.{Nonce} = r.{Nonce}
                """, nameof(ScanRecord.EventId), nameof(ScanRecord.Nonce));
            ReadFirst = PreparedStatement.For<Admission>(Db, """
                SELECT {Id}, {At}, {Station}, {Nonce} FROM {table} WHERE {EventId} = @EventId AND {GuestId} = @GuestId AND {Companion} = @Companion
                """, nameof(Admission.EventId), nameof(Admission.GuestId), nameof(Admission.Companion));
            _times = Db.Model.FindEntityType(typeof(Admission))!.FindProperty(nameof(Admission.At))!.GetTypeMapping().Converter;
        }

        private static readonly string[] AdmissionColumns = [nameof(Admission.Id), nameof(Admission.MissionId), nameof(Admission.EventId), nameof(Admission.GuestId),
            nameof(Admission.Companion), nameof(Admission.Station), nameof(Admission.At), nameof(Admission.ScannedAt), nameof(Admission.Nonce)];

        public static readonly string[] LogColumns = [nameof(ScanRecord.Id), nameof(ScanRecord.MissionId), nameof(ScanRecord.EventId), nameof(ScanRecord.Station),
            nameof(ScanRecord.Nonce), nameof(ScanRecord.Code), nameof(ScanRecord.ScannedAt), nameof(ScanRecord.ReceivedAt), nameof(ScanRecord.Result),
            nameof(ScanRecord.Reason), nameof(ScanRecord.GuestId), nameof(ScanRecord.Companion), nameof(ScanRecord.AdmittedOffline)];

        public ChanceryDb Db { get; }
        public PreparedStatement ReadGuests { get; }
        public PreparedStatement Admit { get; }
        public PreparedStatement MarkIn { get; }
        public PreparedStatement Log { get; }
        public PreparedStatement ReadFirst { get; }
        public PreparedStatement ReadNonces { get; }
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _times;

        public IEnumerable<PreparedStatement> Statements => [ReadGuests, Admit, MarkIn, Log, ReadFirst, ReadNonces];

        public async ValueTask DisposeAsync()
        {
            foreach (var statement in Statements)
            {
                await statement.DisposeAsync();
            }
            _scope.Dispose();
        }

        public async Task<Dictionary<Guid, GuestAtDoor>> GuestsAsync(List<Guid> ids)
        {
            var guests = new Dictionary<Guid, GuestAtDoor>(ids.Count);
            if (ids.Count == 0)
            {
                return guests;
            }
            await using var row = await ReadGuests.ReadRowsAsync(ids.Select(id => new object?[] { id }));
            while (await row.ReadAsync())
            {
                var id = row.GetGuid(0);
                if (!guests.TryGetValue(id, out var guest))
                {
                    var name = new Contacts.Contact
                    {
                        Honorific = row.TextOrNull(6),
                        FirstName = row.TextOrNull(7),
                        LastName = row.GetString(8),
                        NameOrder = row.EnumOrNull<Contacts.Names.NameOrder>(9),
                        Language = row.TextOrNull(10),
                    };
                    guest = new GuestAtDoor(row.GetGuid(1), row.GetGuid(2), Enum.Parse<RsvpAnswer>(row.GetString(3)), row.GetInt32(4), !row.IsDBNull(5), name, row.TextOrNull(11));
                    guests.Add(id, guest);
                }
                if (!row.IsDBNull(12))
                {
                    guest.In[(byte)row.GetInt16(12)] = new AdmittedAs(row.GetGuid(13), Time(row, 14), row.GetString(15), row.TextOrNull(16));
                }
            }
            return guests;
        }

        /// <summary>The scans already logged under these nonces: the code each was read as and whom it named.</summary>
        public async Task<Dictionary<(Guid EventId, string Nonce), (string Code, Guid? GuestId, byte Companion)>> LoggedNoncesAsync(List<(Guid EventId, string Nonce)> keys)
        {
            var logged = new Dictionary<(Guid, string), (string, Guid?, byte)>(keys.Count);
            await using var row = await ReadNonces.ReadRowsAsync(keys.Select(k => new object?[] { k.EventId, k.Nonce }));
            while (await row.ReadAsync())
            {
                logged[(row.GetGuid(0), row.GetString(1))] = (row.GetString(2), row.IsDBNull(3) ? null : row.GetGuid(3), (byte)row.GetInt16(4));
            }
            return logged;
        }

        public async Task<AdmittedAs?> FirstAsync(Guid eventId, Guid guestId, byte companion)
        {
            await using var row = await ReadFirst.ReadAsync(System.Data.CommandBehavior.SingleRow, eventId, guestId, companion);
            return await row.ReadAsync() ? new AdmittedAs(row.GetGuid(0), Time(row, 1), row.GetString(2), row.TextOrNull(3)) : null;
        }

        // A time is a number on SQLite (the model's converter), a timestamptz on PostgreSQL.
        private DateTimeOffset Time(System.Data.Common.DbDataReader row, int ordinal) =>
            _times is { } times ? (DateTimeOffset)times.ConvertFromProvider(row.GetValue(ordinal))! : row.GetFieldValue<DateTimeOffset>(ordinal);
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
        var db = writer.Db;
        var answers = new CheckInOutcome[batch.Count];
        // SQLite: BEGIN IMMEDIATE, so the batch holds the one write lock from its read to its commit.
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var statement in writer.Statements)
        {
            statement.Enlist(db);
        }
        var guests = await writer.GuestsAsync(batch.Where(p => p.Request.GuestId is not null).Select(p => p.Request.GuestId!.Value).Distinct().ToList());
        await RefuseReusedNoncesAsync(writer, batch, answers);

        // In the queue's order, so the first of two scans of one person in the batch is the one that admits.
        var admits = new AdmittedAs?[batch.Count];
        var admitting = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i].Request;
            if (answers[i] is not null)
            {
                continue;
            }
            if (r.GuestId is null)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, r.Refusal ?? CheckInReasons.NotOnList);
            }
            else if (!guests.TryGetValue(r.GuestId.Value, out var guest) || guest.EventId != r.EventId || guest.Erased)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, CheckInReasons.NotOnList);
            }
            // One who declined is refused, unless a Protocol officer let them in (CheckIn.AdmitByDecisionAsync): then they are in.
            else if (guest.Rsvp is RsvpAnswer.Declined or RsvpAnswer.Waitlisted && !guest.In.ContainsKey(r.Companion))
            {
                answers[i] = new CheckInOutcome(CheckInResult.Declined, guest.Rsvp == RsvpAnswer.Waitlisted ? CheckInReasons.Waitlisted : null, r.GuestId, r.Companion,
                    DisplayName: guest.Name.DisplayName, Organization: guest.Organization);
            }
            else if (r.Companion > guest.PlusOnes)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Declined, CheckInReasons.CompanionNotExpected, r.GuestId, r.Companion,
                    DisplayName: guest.Name.DisplayName, Organization: guest.Organization);
            }
            else if (!guest.In.ContainsKey(r.Companion))
            {
                guest.In[r.Companion] = admits[i] = new AdmittedAs(Guid.CreateVersion7(), r.At, r.Station, r.Nonce);
                admitting.Add(i);
            }
        }

        if (admitting.Count > 0)
        {
            await AdmitAsync(writer, batch, guests, admits, admitting);
        }

        // Whoever is in now was first: this scan, the same scan sent before (a retry after a lost answer gets the
        // answer it had), or someone else.
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i].Request;
            if (answers[i] is not null)
            {
                continue;
            }
            var guest = guests[r.GuestId!.Value];
            var first = guest.In[r.Companion];
            var result = first == admits[i] || (r.Nonce is not null && first.Nonce == r.Nonce && first.Station == r.Station) ? CheckInResult.Admitted : CheckInResult.AlreadyCheckedIn;
            answers[i] = new CheckInOutcome(result, null, r.GuestId, r.Companion, first.At, first.Station, guest.Name.DisplayName, guest.Organization);
        }

        if (LogRows(batch, answers) is { Count: > 0 } logged)
        {
            await writer.Log.RunRowsAsync(logged);
        }
        await transaction.CommitAsync();
        return answers;
    }

    // A nonce names one scan: sent again with the same code (or the same guest found by name) it is that scan again;
    // with another, a station is reusing nonces (or two stations share a generator), and the second scan is neither
    // decided nor logged over the first — answered unknown, nonceReused, which a lone scan turns into a 409.
    private static async Task RefuseReusedNoncesAsync(Writer writer, List<Pending> batch, CheckInOutcome[] answers)
    {
        var withNonce = Enumerable.Range(0, batch.Count).Where(i => batch[i].Request is { Nonce: not null, Code: not null }).ToList();
        if (withNonce.Count == 0)
        {
            return;
        }
        var first = await writer.LoggedNoncesAsync(withNonce.Select(i => (batch[i].Request.EventId, batch[i].Request.Nonce!)).Distinct().ToList());
        foreach (var i in withNonce)
        {
            var r = batch[i].Request;
            var key = (r.EventId, r.Nonce!);
            if (!first.TryGetValue(key, out var scan))
            {
                first[key] = (r.Code!, r.GuestId, r.Companion);
            }
            // The same person (whether the code was scanned or typed), else the same code as read.
            else if (scan.GuestId is { } guest && r.GuestId is not null ? (guest, scan.Companion) != (r.GuestId.Value, r.Companion) : scan.Code != r.Code)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, CheckInReasons.NonceReused);
            }
        }
    }

    // The batch's admissions in one statement, in the order of the unique keys: two servers whose batches admit the
    // same people wait on each other's rows in one order, never in a circle (a deadlock).
    private static async Task AdmitAsync(Writer writer, List<Pending> batch, Dictionary<Guid, GuestAtDoor> guests, AdmittedAs?[] admits, List<int> admitting)
    {
        var ordered = admitting.OrderBy(i => batch[i].Request.EventId).ThenBy(i => batch[i].Request.GuestId).ThenBy(i => batch[i].Request.Companion).ToList();
        var written = await writer.Admit.RunRowsAsync(ordered.Select(i =>
        {
            var (r, a) = (batch[i].Request, admits[i]!);
            return new object?[] { a.Id, guests[r.GuestId!.Value].MissionId, r.EventId, r.GuestId, r.Companion, r.Station, r.At, r.ScannedAt, r.Nonce };
        }));
        if (written < ordered.Count)
        {
            // Another server admitted some of them since the read (on PostgreSQL; SQLite's batch holds the write lock
            // throughout): for those, who was first, read in this transaction.
            foreach (var i in ordered)
            {
                var r = batch[i].Request;
                // None at all: the other server's admission was undone since; the batch is tried again from its read.
                var first = await writer.FirstAsync(r.EventId, r.GuestId!.Value, r.Companion) ?? throw new InvalidOperationException("An admission was undone while a batch admitted the same person.");
                if (first.Id != admits[i]!.Id)
                {
                    guests[r.GuestId!.Value].In[r.Companion] = first;
                    admits[i] = null;
                }
            }
        }
        var arrived = ordered.Where(i => admits[i] is not null && batch[i].Request.Companion == 0).ToList();
        if (arrived.Count > 0)
        {
            await writer.MarkIn.RunRowsAsync(arrived.Select(i => new object?[] { batch[i].Request.GuestId, batch[i].Request.At, batch[i].Request.Station }));
        }
    }

    // A row per nonce, in the order of the unique index (as the admissions, for the same reason): a scan sent twice
    // in one batch is one row that keeps what either copy knew (PostgreSQL refuses to update a row twice in one statement).
    private static List<object?[]> LogRows(List<Pending> batch, CheckInOutcome[] answers)
    {
        var rows = new List<object?[]>(batch.Count);
        var byNonce = new Dictionary<(Guid, string), object?[]>();
        foreach (var i in Enumerable.Range(0, batch.Count).Where(i => batch[i].Request.Code is not null && answers[i].Reason != CheckInReasons.NonceReused)
            .OrderBy(i => batch[i].Request.EventId).ThenBy(i => batch[i].Request.Nonce, StringComparer.Ordinal))
        {
            var (r, a) = (batch[i].Request, answers[i]);
            if (r.Nonce is not null && byNonce.TryGetValue((r.EventId, r.Nonce), out var logged))
            {
                logged[LogScannedAt] ??= r.ScannedAt;
                logged[LogAdmittedOffline] = (bool)logged[LogAdmittedOffline]! || r.AdmittedOffline;
                continue;
            }
            var row = new object?[] { Guid.CreateVersion7(), r.MissionId, r.EventId, r.Station, r.Nonce, r.Code, r.ScannedAt, r.At, a.Result, a.Reason, a.GuestId, r.Companion, r.AdmittedOffline };
            rows.Add(row);
            if (r.Nonce is not null)
            {
                byNonce.Add((r.EventId, r.Nonce), row);
            }
        }
        return rows;
    }

    private static readonly int LogScannedAt = Array.IndexOf(Writer.LogColumns, nameof(ScanRecord.ScannedAt)), LogAdmittedOffline = Array.IndexOf(Writer.LogColumns, nameof(ScanRecord.AdmittedOffline));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} scans failed; trying again")]
    private static partial void LogBatchRetried(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scan failed on its own; its station was told to send it again")]
    private static partial void LogScanFailed(ILogger logger, Exception ex);
}
