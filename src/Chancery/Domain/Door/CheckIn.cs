using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>What a scan came to, with whom it concerns and, for one already in, when and where they were admitted.</summary>
public sealed record CheckInOutcome(CheckInResult Result, string? Reason = null, Guid? GuestId = null, byte Companion = 0, DateTimeOffset? CheckedInAt = null, string? Station = null,
    string? DisplayName = null, string? Organization = null);

/// <summary>
/// Admits guests at the door (docs/events.md §3b, API.md "Check-in"), for the door page and the API alike. The same
/// person scanned at two stations at once is admitted exactly once — the admission's unique index decides, not a
/// read before the write — and a scan sent again with its nonce finds its own admission. Every scan, failed ones
/// too, is logged; both are written by <see cref="ScanBatches"/>.
/// </summary>
public sealed class CheckIn(IServiceProvider services, DoorCodeBook codes, ScanBatches batches, TimeProvider clock)
{
    // Taken from the unit of work when first used, not when this is made: a scan never needs a context (ScanBatches
    // writes it), and leasing one from the pool and resetting it afterwards was a tenth of a check-in's time.
    private ChanceryDb Db => services.GetRequiredService<ChanceryDb>();

    private Contacts.ContactDirectory Directory => services.GetRequiredService<Contacts.ContactDirectory>();

    // Every scan carries who was at the station, for the audit of the arrival it records.
    private Task<CheckInOutcome> DecideAsync(ScanBatches.Request request)
    {
        var scope = services.GetRequiredService<Missions.MissionScope>();
        return batches.DecideAsync(request with { UserId = scope.UserId, UserName = scope.UserName });
    }

    public const string WalkInTag = "walk-in";

    // To the millisecond, as every database here keeps it: the time a second scan reports is the first's exactly.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>What a station is called until someone names it otherwise: the door works from the first scan.</summary>
    public const string DefaultStation = "Main door";

    /// <summary>
    /// Someone not on the list let in at the door: they join the guest list, and are admitted at once. A person the
    /// directory already knows (the same given and family names, and the same organization when one is given) is
    /// not entered twice: their entry joins the list; one already on the list is refused, to be found by name or
    /// code. Anyone else joins the directory, tagged walk-in, with their organization and category by name.
    /// </summary>
    public async Task<CheckInOutcome> WalkInAsync(Event e, string? firstName, string? lastName, string? organization, string? category, string? station, CancellationToken ct = default)
    {
        station = Contacts.Text.Clean(station) ?? "Walk-in";
        if (station.Length > ScanRecord.MaxStation)
        {
            throw new DomainException($"A station's name is at most {ScanRecord.MaxStation} characters.", "station");
        }
        var now = Now();
        var known = await KnownAsync(e.MissionId, firstName, lastName, organization, ct);
        if (known is not null && await Db.Guests.AnyAsync(g => g.EventId == e.Id && g.ContactId == known.Id, ct))
        {
            // Not admitted in their name from a form anyone could fill: the door checks it is them, by code or by name.
            throw new DomainException($"{known.DisplayName} is on the list: find them by name, or scan their invitation.", "lastName");
        }
        var contact = known ?? await Directory.SaveAsync(e.MissionId, null, new Contacts.ContactInput
        {
            FirstName = firstName,
            LastName = lastName,
            OrganizationName = organization,
            Category = category,
            Tags = [WalkInTag],
        }, ct);
        var guest = new Guest { MissionId = e.MissionId, EventId = e.Id, ContactId = contact.Id, AddedAt = now, Rsvp = RsvpAnswer.Accepted, WalkIn = true };
        Db.Guests.Add(guest);
        await Db.SaveChangesAsync(ct);
        return await DecideAsync(new ScanBatches.Request(e.MissionId, e.Id, guest.Id, 0, station, Nonce: null, Code: null, now, now));
    }

    private async Task<Contacts.Contact?> KnownAsync(Guid missionId, string? firstName, string? lastName, string? organization, CancellationToken ct)
    {
        if (Contacts.Text.Clean(lastName) is not { } family)
        {
            return null; // the directory refuses it, naming the field
        }
        var (given, org) = (Contacts.Text.Fold(firstName), Contacts.Text.Fold(organization));
        var sameFamily = await Db.Contacts.Include(c => c.Organization).Where(c => c.MissionId == missionId && c.ErasedAt == null && c.LastName == family).ToListAsync(ct);
        var matches = sameFamily.Where(c => Contacts.Text.Fold(c.FirstName) == given && (org.Length == 0 || Contacts.Text.Fold(c.Organization?.Name) == org)).ToList();
        return matches.Count == 1 ? matches[0] : null; // two people of that name: a new entry, for the office to sort out, rather than the wrong one
    }

    /// <summary>A scan's station and nonce as the log can keep them, or a refusal naming the field (<paramref name="prefix"/>: where in a batch).</summary>
    public static string CheckScan(string? station, string? nonce, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        station = Contacts.Text.Clean(station);
        if (station is null || station.Length > ScanRecord.MaxStation)
        {
            errors[prefix + "station"] = [$"Name the station (at most {ScanRecord.MaxStation} characters): the log says where each guest came in."];
        }
        if (nonce is { Length: > ScanRecord.MaxNonce })
        {
            errors[prefix + "nonce"] = [$"A nonce is at most {ScanRecord.MaxNonce} characters."];
        }
        DomainException.ThrowIfAny(errors, "The scan has errors.");
        return station!;
    }

    /// <summary>A code scanned or typed; <paramref name="admittedOffline"/>: an offline station let the person in on its own.</summary>
    public async Task<CheckInOutcome> ScanAsync(Event e, string? code, string? station, string? nonce, DateTimeOffset? scannedAt, bool admittedOffline = false, CancellationToken ct = default) =>
        Alone(await DecideAsync(await ReadScanAsync(e, code, CheckScan(station, nonce), nonce, scannedAt, admittedOffline, ct)));

    // A lone scan whose nonce another scan used is refused outright; in a queue it is that scan's answer, so one
    // station's mistake never blocks the rest of its queue.
    private static async Task<CheckInOutcome> AloneAsync(Task<CheckInOutcome> outcome) => Alone(await outcome);

    private static CheckInOutcome Alone(CheckInOutcome outcome) => outcome.Reason == CheckInReasons.NonceReused
        ? throw new DomainException("This nonce was already sent with another scan; give each scan its own nonce (a new UUID).", "nonce", DomainErrorKind.Conflict)
        : outcome;

    private async Task<ScanBatches.Request> ReadScanAsync(Event e, string? code, string station, string? nonce, DateTimeOffset? scannedAt, bool admittedOffline, CancellationToken ct)
    {
        var now = Now();
        var text = code?.Trim() ?? "";
        var (pass, reason) = text.Length is 0 or > ScanRecord.MaxCode ? (null, CheckInReasons.NotOnList) : await codes.ReadAsync(e, text, ct);
        // The log keeps what was read without control characters (PostgreSQL cannot store a NUL; a log is read by people).
        var logged = string.Concat(text.Where(c => !char.IsControl(c)));
        return new ScanBatches.Request(e.MissionId, e.Id, pass?.GuestId, pass?.Companion ?? 0, station, nonce,
            logged.Length > ScanRecord.MaxCode ? logged[..ScanRecord.MaxCode] : logged, scannedAt, now, reason, admittedOffline);
    }

    /// <summary>How long after an admission the door may take it back (a wrong guest tapped, a code misread).</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Takes back a mistaken admission within <see cref="UndoWindow"/>: the person is no longer in, may be admitted
    /// again, and the audit log says who undid whom, when, and where they had been admitted.
    /// </summary>
    public async Task UndoAsync(Event e, Guid guestId, byte companion, CancellationToken ct = default)
    {
        var admission = await Db.Admissions.AsTracking().FirstOrDefaultAsync(a => a.EventId == e.Id && a.GuestId == guestId && a.Companion == companion, ct)
            ?? throw DomainException.NotFound("admission");
        var now = clock.GetUtcNow();
        if (now - admission.At > UndoWindow)
        {
            throw new DomainException($"An admission is undone within {UndoWindow.TotalMinutes:0} minutes; this one was at {admission.At:HH:mm} UTC. Ask the protocol office.", "guestId");
        }
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        Db.Admissions.Remove(admission);
        Audit.AuditEvents.Add(Db, e.MissionId, "Undo admission", "Guest", guestId.ToString(), clock,
            System.Text.Json.JsonSerializer.Serialize(new { companion, station = admission.Station, admittedAt = admission.At }));
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.NotFound("admission"); // undone at the same moment elsewhere
        }
        if (companion == 0)
        {
            await Db.Guests.Where(g => g.Id == guestId && g.EventId == e.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.CheckedInAt, (DateTimeOffset?)null).SetProperty(g => g.CheckedInBy, (string?)null), ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Admits a guest found by name at the door (no code in hand); logged like a scan. <paramref name="scannedAt"/>: when an offline station did it.</summary>
    public Task<CheckInOutcome> AdmitByNameAsync(Event e, Guid guestId, string? station, string? nonce, DateTimeOffset? scannedAt = null, bool admittedOffline = false)
    {
        return AloneAsync(DecideAsync(ByName(e, guestId, CheckScan(station, nonce), nonce, scannedAt, admittedOffline)));
    }

    private ScanBatches.Request ByName(Event e, Guid guestId, string station, string? nonce, DateTimeOffset? scannedAt, bool admittedOffline)
    {
        var now = Now();
        return new ScanBatches.Request(e.MissionId, e.Id, guestId, 0, station, nonce, FoundByName, scannedAt ?? now, now, AdmittedOffline: admittedOffline);
    }

    /// <summary>What the scan log says of a guest let in by a Protocol officer's decision.</summary>
    public const string ByDecision = "(let in by decision)";

    public const int MaxDecisionReason = 500;

    /// <summary>
    /// A guest who declined, or who waits for a place, turns up and a Protocol officer decides to let them in: admitted
    /// once (a second decision or a scan reports the first admission), with the officer's reason kept in the audit log
    /// and the scan log saying it was a decision. Their answer stays as it was: the report counts them as having come.
    /// </summary>
    public async Task<CheckInOutcome> AdmitByDecisionAsync(Event e, Guid guestId, string? station, string? reason, CancellationToken ct = default)
    {
        var at = CheckScan(station, nonce: null);
        var why = Contacts.Text.Clean(reason);
        if (why is null || why.Length > MaxDecisionReason)
        {
            throw new DomainException(why is null ? "Say why they are let in: the log keeps the reason with your name." : $"The reason is at most {MaxDecisionReason} characters.", "reason");
        }
        var guest = await Db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization)
            .FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == e.Id, ct) ?? throw DomainException.NotFound("guest");
        if (guest.Rsvp is not (RsvpAnswer.Declined or RsvpAnswer.Waitlisted))
        {
            throw new DomainException("Only a guest who declined or waits for a place needs a decision; admit this guest as usual.", "guest");
        }
        var now = Now();
        // Exactly once, whoever decides or scans at the same moment at another door: the admission's unique index
        // (as for every scan, ScanBatches) lets one writer in; the other hears who was first.
        Db.Admissions.Add(new Admission { MissionId = e.MissionId, EventId = e.Id, GuestId = guestId, Companion = 0, Station = at, At = now, ScannedAt = now });
        Db.ScanRecords.Add(new ScanRecord
        {
            MissionId = e.MissionId,
            EventId = e.Id,
            Station = at,
            Code = ByDecision,
            ScannedAt = now,
            ReceivedAt = now,
            Result = CheckInResult.Admitted,
            Reason = guest.Rsvp == RsvpAnswer.Waitlisted ? CheckInReasons.Waitlisted : "declined",
            GuestId = guestId,
        });
        Audit.AuditEvents.Add(Db, e.MissionId, "LetInByDecision", nameof(Guest), guestId.ToString(), clock,
            System.Text.Json.JsonSerializer.Serialize(new { station = at, answer = guest.Rsvp.ToString(), reason = why }));
        try
        {
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            await Db.SaveChangesAsync(ct);
            await Db.Guests.Where(g => g.Id == guestId && g.CheckedInAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.CheckedInAt, now).SetProperty(g => g.CheckedInBy, at), ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException x) when (WriteConflicts.IsConflict(x))
        {
            Db.ChangeTracker.Clear();
            // A deadlock is a conflict too, with no admission written by anyone: then it is the user's to try again.
            var first = await Db.Admissions.AsNoTracking().Where(a => a.EventId == e.Id && a.GuestId == guestId && a.Companion == 0).Select(a => new { a.At, a.Station }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(WriteConflicts.Message, kind: DomainErrorKind.Conflict);
            return new CheckInOutcome(CheckInResult.AlreadyCheckedIn, null, guestId, 0, first.At, first.Station, guest.Contact?.DisplayName, guest.Contact?.Organization?.Name);
        }
        return new CheckInOutcome(CheckInResult.Admitted, null, guestId, 0, now, at, guest.Contact?.DisplayName, guest.Contact?.Organization?.Name);
    }

    /// <summary>What the scan log says of a guest admitted by name rather than by a code.</summary>
    public const string FoundByName = "(found by name)";

    /// <summary>
    /// A scan a station queued while offline: a code it read, or a guest it found by name; <see cref="AdmittedOffline"/>
    /// when the station let the person in on its own (flagged on the arrivals if someone was first).
    /// </summary>
    public sealed record QueuedScan(string? Code, Guid? GuestId, string? Station, string? Nonce, DateTimeOffset? ScannedAt, bool AdmittedOffline = false);

    public const int MaxQueue = 1000;

    /// <summary>
    /// A station's queue, uploaded when it is back online: every scan checked before any is admitted (taken whole
    /// or refused whole, never half), then all decided together, in the queue's order, in a batch or a few.
    /// </summary>
    public async Task<CheckInOutcome[]> TakeQueueAsync(Event e, IReadOnlyList<QueuedScan?>? scans, string? station)
    {
        if (scans is not { Count: > 0 } || scans.Count > MaxQueue)
        {
            throw new DomainException($"Send between 1 and {MaxQueue:N0} scans.", "scans");
        }
        var stations = new string[scans.Count];
        for (var i = 0; i < scans.Count; i++)
        {
            if (scans[i] is not { } s)
            {
                throw new DomainException($"Scan {i + 1} is empty.", $"scans[{i}]");
            }
            stations[i] = CheckScan(s.Station ?? station, s.Nonce, $"scans[{i}].");
            if (s.GuestId is null && string.IsNullOrWhiteSpace(s.Code))
            {
                throw new DomainException($"Scan {i + 1} has neither a code nor a guest.", $"scans[{i}].code");
            }
        }
        // Every code read first, then all asked for at once, in the queue's order: the first of two scans of one
        // person is the one admitted, whatever reading a code took.
        var requests = new List<ScanBatches.Request>(scans.Count);
        for (var i = 0; i < scans.Count; i++)
        {
            var s = scans[i]!;
            requests.Add(s.GuestId is { } guestId
                ? ByName(e, guestId, stations[i], s.Nonce, s.ScannedAt, s.AdmittedOffline)
                : await ReadScanAsync(e, s.Code, stations[i], s.Nonce, s.ScannedAt, s.AdmittedOffline, CancellationToken.None));
        }
        return await Task.WhenAll(requests.Select(DecideAsync).ToList());
    }
}
