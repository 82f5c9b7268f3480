using Chancery.Domain.Audit;
using Chancery.Domain.Contacts;
using Chancery.Domain.Door;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chancery.Data.HandWritten;

/// <summary>
/// The door's group commit in SQL: the one place a measured need (docs/performance.md, "The door") kept hand-written
/// statements, behind the fence docs/architecture.md draws. Its own unit of work, kept from batch to batch by the one
/// writer (<see cref="ScanBatches"/>): its context, its connection and its statements, compiled once. Each takes the
/// whole batch as its rows (<see cref="PreparedStatement.ForRows{TEntity}"/>): a batch is a few statements and a commit
/// however many scans it holds; a statement per scan cost more in the driver than the database's work. What EF Core
/// would do around a save is done here by hand and tested against it (<c>DoorStatementsTests</c>): every row carries
/// the mission of the guest it is about, and every admission writes its audit entry in the same transaction.
/// Dropped after a failure and made again.
/// </summary>
public sealed class DoorStatements : IAsyncDisposable
{
    private readonly IServiceScope _scope;
    private readonly PreparedStatement _readGuests, _admit, _markIn, _log, _readFirst, _readNonces, _audit;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _times;

    public DoorStatements(IServiceScopeFactory scopes)
    {
        _scope = scopes.CreateScope();
        // Every mission's door: each row says its own mission, taken from the guest it is about.
        _scope.ServiceProvider.GetRequiredService<MissionScope>().EnterSystem();
        Db = _scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        // The batch's guests, each with who of theirs is already in: a row per admission, or one with none.
        _readGuests = PreparedStatement.ForRows<Guest>(Db, """
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
        _admit = PreparedStatement.ForRows<Admission>(Db, """
            INSERT INTO {table} ({Id}, {MissionId}, {EventId}, {GuestId}, {Companion}, {Station}, {At}, {ScannedAt}, {Nonce})
            SELECT r.{Id}, r.{MissionId}, r.{EventId}, r.{GuestId}, r.{Companion}, r.{Station}, r.{At}, r.{ScannedAt}, r.{Nonce} FROM {rows} r WHERE true
            ON CONFLICT ({EventId}, {GuestId}, {Companion}) DO NOTHING
            """, AdmissionColumns);
        _markIn = PreparedStatement.ForRows<Guest>(Db, """
            UPDATE {table} SET {CheckedInAt} = r.{CheckedInAt}, {CheckedInBy} = r.{CheckedInBy}
            FROM {rows} r WHERE {table}.{Id} = r.{Id} AND {table}.{CheckedInAt} IS NULL
            RETURNING {table}.{Id}
            """, nameof(Guest.Id), nameof(Guest.CheckedInAt), nameof(Guest.CheckedInBy));
        // A nonce already logged (a station sending again; two servers given the same scan) is not logged twice; a
        // station's queued copy of a scan whose answer it never got adds what the first did not know (that the
        // station let the person in on its own, and when it scanned).
        _log = PreparedStatement.ForRows<ScanRecord>(Db, """
            INSERT INTO {table} ({Id}, {MissionId}, {EventId}, {Station}, {Nonce}, {Code}, {ScannedAt}, {ReceivedAt}, {Result}, {Reason}, {GuestId}, {Companion}, {AdmittedOffline})
            SELECT r.{Id}, r.{MissionId}, r.{EventId}, r.{Station}, r.{Nonce}, r.{Code}, r.{ScannedAt}, r.{ReceivedAt}, r.{Result}, r.{Reason}, r.{GuestId}, r.{Companion}, r.{AdmittedOffline}
            FROM {rows} r WHERE true
            ON CONFLICT ({EventId}, {Nonce}) WHERE {Nonce} IS NOT NULL DO UPDATE
            SET {AdmittedOffline} = {table}.{AdmittedOffline} OR excluded.{AdmittedOffline}, {ScannedAt} = COALESCE({table}.{ScannedAt}, excluded.{ScannedAt})
            """, LogColumns);
        _readNonces = PreparedStatement.ForRows<ScanRecord>(Db, """
            SELECT s.{EventId}, s.{Nonce}, s.{Code}, s.{GuestId}, s.{Companion} FROM {rows} r JOIN {table} s ON s.{EventId} = r.{EventId} AND s.{Nonce} = r.{Nonce}
            """, nameof(ScanRecord.EventId), nameof(ScanRecord.Nonce));
        _readFirst = PreparedStatement.For<Admission>(Db, """
            SELECT {Id}, {At}, {Station}, {Nonce} FROM {table} WHERE {EventId} = @EventId AND {GuestId} = @GuestId AND {Companion} = @Companion
            """, nameof(Admission.EventId), nameof(Admission.GuestId), nameof(Admission.Companion));
        // What AuditInterceptor writes for a save through EF Core, for the admissions this path writes by hand.
        _audit = PreparedStatement.ForRows<AuditEntry>(Db, """
            INSERT INTO {table} ({Id}, {MissionId}, {At}, {UserId}, {UserName}, {Action}, {EntityType}, {EntityId}, {Changes})
            SELECT r.{Id}, r.{MissionId}, r.{At}, r.{UserId}, r.{UserName}, r.{Action}, r.{EntityType}, r.{EntityId}, r.{Changes} FROM {rows} r WHERE true
            """, AuditColumns);
        _times = Db.Model.FindEntityType(typeof(Admission))!.FindProperty(nameof(Admission.At))!.GetTypeMapping().Converter;
    }

    private static readonly string[] AdmissionColumns = [nameof(Admission.Id), nameof(Admission.MissionId), nameof(Admission.EventId), nameof(Admission.GuestId),
        nameof(Admission.Companion), nameof(Admission.Station), nameof(Admission.At), nameof(Admission.ScannedAt), nameof(Admission.Nonce)];

    private static readonly string[] LogColumns = [nameof(ScanRecord.Id), nameof(ScanRecord.MissionId), nameof(ScanRecord.EventId), nameof(ScanRecord.Station),
        nameof(ScanRecord.Nonce), nameof(ScanRecord.Code), nameof(ScanRecord.ScannedAt), nameof(ScanRecord.ReceivedAt), nameof(ScanRecord.Result),
        nameof(ScanRecord.Reason), nameof(ScanRecord.GuestId), nameof(ScanRecord.Companion), nameof(ScanRecord.AdmittedOffline)];

    private static readonly string[] AuditColumns = [nameof(AuditEntry.Id), nameof(AuditEntry.MissionId), nameof(AuditEntry.At), nameof(AuditEntry.UserId),
        nameof(AuditEntry.UserName), nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.Changes)];

    public ChanceryDb Db { get; }

    private IEnumerable<PreparedStatement> Statements => [_readGuests, _admit, _markIn, _log, _readFirst, _readNonces, _audit];

    /// <summary>The batch's transaction (on SQLite BEGIN IMMEDIATE: the batch holds the one write lock from its read to its commit), every statement in it.</summary>
    public async Task<IDbContextTransaction> BeginAsync()
    {
        var transaction = await Db.Database.BeginTransactionAsync();
        foreach (var statement in Statements)
        {
            statement.Enlist(Db);
        }
        return transaction;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in Statements)
        {
            await statement.DisposeAsync();
        }
        _scope.Dispose();
    }

    /// <summary>The guests of these ids (of any mission and event: the rules check both), each with who of theirs is in.</summary>
    public async Task<Dictionary<Guid, GuestAtDoor>> GuestsAsync(List<Guid> ids)
    {
        var guests = new Dictionary<Guid, GuestAtDoor>(ids.Count);
        if (ids.Count == 0)
        {
            return guests;
        }
        await using var row = await _readGuests.ReadRowsAsync(ids.Select(id => new object?[] { id }));
        while (await row.ReadAsync())
        {
            var id = row.GetGuid(0);
            if (!guests.TryGetValue(id, out var guest))
            {
                // The name's parts as a Contact of just those fields, so the door writes it as every page does.
                var name = new Contact
                {
                    Honorific = row.TextOrNull(6),
                    FirstName = row.TextOrNull(7),
                    LastName = row.GetString(8),
                    NameOrder = row.EnumOrNull<Domain.Contacts.Names.NameOrder>(9),
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
        if (keys.Count == 0)
        {
            return logged;
        }
        await using var row = await _readNonces.ReadRowsAsync(keys.Select(k => new object?[] { k.EventId, k.Nonce }));
        while (await row.ReadAsync())
        {
            logged[(row.GetGuid(0), row.GetString(1))] = (row.GetString(2), row.IsDBNull(3) ? null : row.GetGuid(3), (byte)row.GetInt16(4));
        }
        return logged;
    }

    /// <summary>Who was admitted first under this key, read in the batch's transaction.</summary>
    public async Task<AdmittedAs?> FirstAsync(Guid eventId, Guid guestId, byte companion)
    {
        await using var row = await _readFirst.ReadAsync(System.Data.CommandBehavior.SingleRow, eventId, guestId, companion);
        return await row.ReadAsync() ? new AdmittedAs(row.GetGuid(0), Time(row, 1), row.GetString(2), row.TextOrNull(3)) : null;
    }

    /// <summary>Writes the admissions no one was first to (in the order given: the unique key's, against deadlocks); how many it wrote.</summary>
    public Task<int> AdmitAsync(IEnumerable<NewAdmission> admissions) =>
        _admit.RunRowsAsync(admissions.Select(a => new object?[] { a.Id, a.MissionId, a.EventId, a.GuestId, a.Companion, a.Station, a.At, a.ScannedAt, a.Nonce }));

    /// <summary>Marks the guests in (their own admission, companion 0) where no earlier arrival is recorded; the guests it marked.</summary>
    public async Task<HashSet<Guid>> MarkInAsync(IEnumerable<(Guid GuestId, DateTimeOffset At, string Station)> arrivals)
    {
        var marked = new HashSet<Guid>();
        await using var row = await _markIn.ReadRowsAsync(arrivals.Select(a => new object?[] { a.GuestId, a.At, a.Station }));
        while (await row.ReadAsync())
        {
            marked.Add(row.GetGuid(0));
        }
        return marked;
    }

    public Task<int> LogAsync(IEnumerable<ScanRow> rows) =>
        _log.RunRowsAsync(rows.Select(r => new object?[] { Guid.CreateVersion7(), r.MissionId, r.EventId, r.Station, r.Nonce, r.Code, r.ScannedAt, r.ReceivedAt, r.Result,
            r.Reason, r.GuestId, r.Companion, r.AdmittedOffline }));

    public Task<int> AuditAsync(IEnumerable<AuditEntry> entries) =>
        _audit.RunRowsAsync(entries.Select(e => new object?[] { e.Id, e.MissionId, e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes }));

    // A time is a number on SQLite (the model's converter), a timestamptz on PostgreSQL.
    private DateTimeOffset Time(System.Data.Common.DbDataReader row, int ordinal) =>
        _times is { } times ? (DateTimeOffset)times.ConvertFromProvider(row.GetValue(ordinal))! : row.GetFieldValue<DateTimeOffset>(ordinal);
}
