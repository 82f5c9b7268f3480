using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>What a scan came to, with whom it concerns and, for one already in, when and where they were admitted.</summary>
public sealed record CheckInOutcome(CheckInResult Result, string? Reason = null, Guid? GuestId = null, byte Companion = 0, DateTimeOffset? CheckedInAt = null, string? Station = null,
    string? DisplayName = null, string? Organization = null);

/// <summary>
/// Admits guests at the door (PRODUCT.md M5, API.md "Check-in"), for the door page and the API alike. The same
/// person scanned at two stations at once is admitted exactly once — the admission's unique index decides, not a
/// read before the write — and a scan sent again with its nonce finds its own admission. Every scan, failed ones
/// too, goes to the <see cref="ScanLog"/>.
/// </summary>
public sealed class CheckIn(ChanceryDb db, DoorCodeBook codes, ScanLog log, Contacts.ContactDirectory directory, TimeProvider clock)
{
    public const string WalkInTag = "walk-in";

    // To the millisecond, as every database here keeps it: the time a second scan reports is the first's exactly.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>
    /// Someone not on the list let in at the door: they join the directory (tagged walk-in, with their organization
    /// and category by name) and the guest list, and are admitted at once.
    /// </summary>
    public async Task<CheckInOutcome> WalkInAsync(Event e, string? firstName, string? lastName, string? organization, string? category, string? station, CancellationToken ct = default)
    {
        station = Contacts.Text.Clean(station) ?? "Walk-in";
        if (station.Length > ScanRecord.MaxStation)
        {
            throw new DomainException($"A station's name is at most {ScanRecord.MaxStation} characters.", "station");
        }
        var contact = await directory.SaveAsync(e.MissionId, null, new Contacts.ContactInput
        {
            FirstName = firstName,
            LastName = lastName,
            OrganizationName = organization,
            Category = category,
            Tags = [WalkInTag],
        }, ct);
        var now = Now();
        var guest = new Guest { MissionId = e.MissionId, EventId = e.Id, ContactId = contact.Id, AddedAt = now, Rsvp = RsvpAnswer.Accepted, WalkIn = true };
        db.Guests.Add(guest);
        await db.SaveChangesAsync(ct);
        return await AdmitAsync(e, guest.Id, 0, station, nonce: null, scannedAt: now, now, ct);
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

    public async Task<CheckInOutcome> ScanAsync(Event e, string? code, string? station, string? nonce, DateTimeOffset? scannedAt, CancellationToken ct = default)
    {
        station = CheckScan(station, nonce);
        var now = Now();
        var text = code?.Trim() ?? "";
        var (pass, reason) = text.Length is 0 or > ScanRecord.MaxCode ? (null, CheckInReasons.NotOnList) : await codes.ReadAsync(e, text, ct);
        var outcome = pass is null
            ? new CheckInOutcome(CheckInResult.Unknown, reason)
            : await AdmitAsync(e, pass.GuestId, pass.Companion, station!, nonce, scannedAt, now, ct);
        log.Add(new ScanRecord
        {
            MissionId = e.MissionId,
            EventId = e.Id,
            Station = station!,
            Nonce = nonce,
            Code = text.Length > ScanRecord.MaxCode ? text[..ScanRecord.MaxCode] : text,
            ScannedAt = scannedAt,
            ReceivedAt = now,
            Result = outcome.Result,
            Reason = outcome.Reason,
            GuestId = outcome.GuestId,
            Companion = outcome.Companion,
        });
        return outcome;
    }

    /// <summary>How long after an admission the door may take it back (a wrong guest tapped, a code misread).</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Takes back a mistaken admission within <see cref="UndoWindow"/>: the person is no longer in, may be admitted
    /// again, and the audit log says who undid whom, when, and where they had been admitted.
    /// </summary>
    public async Task UndoAsync(Event e, Guid guestId, byte companion, CancellationToken ct = default)
    {
        var admission = await db.Admissions.AsTracking().FirstOrDefaultAsync(a => a.EventId == e.Id && a.GuestId == guestId && a.Companion == companion, ct)
            ?? throw DomainException.NotFound("admission");
        var now = clock.GetUtcNow();
        if (now - admission.At > UndoWindow)
        {
            throw new DomainException($"An admission is undone within {UndoWindow.TotalMinutes:0} minutes; this one was at {admission.At:HH:mm} UTC. Ask the protocol office.", "guestId");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Admissions.Remove(admission);
        Audit.AuditEvents.Add(db, e.MissionId, "Undo admission", "Guest", guestId.ToString(), clock,
            System.Text.Json.JsonSerializer.Serialize(new { companion, station = admission.Station, admittedAt = admission.At }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.NotFound("admission"); // undone at the same moment elsewhere
        }
        if (companion == 0)
        {
            await db.Guests.Where(g => g.Id == guestId && g.EventId == e.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.CheckedInAt, (DateTimeOffset?)null).SetProperty(g => g.CheckedInBy, (string?)null), ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Admits a guest found by name at the door (no code in hand); logged like a scan.</summary>
    public async Task<CheckInOutcome> AdmitByNameAsync(Event e, Guid guestId, string? station, string? nonce, CancellationToken ct = default)
    {
        station = CheckScan(station, nonce);
        var now = Now();
        var outcome = await AdmitAsync(e, guestId, 0, station, nonce, now, now, ct);
        log.Add(new ScanRecord
        {
            MissionId = e.MissionId,
            EventId = e.Id,
            Station = station,
            Nonce = nonce,
            Code = "(found by name)",
            ScannedAt = now,
            ReceivedAt = now,
            Result = outcome.Result,
            Reason = outcome.Reason,
            GuestId = outcome.GuestId,
        });
        return outcome;
    }

    /// <summary>Admits one person of the guest list (the guest, or their n-th plus-one) unless already in.</summary>
    public Task<CheckInOutcome> AdmitAsync(Event e, Guid guestId, byte companion, string station, string? nonce, DateTimeOffset? scannedAt, DateTimeOffset now, CancellationToken ct = default) =>
        AdmitOnceAsync(e, guestId, companion, station, nonce, scannedAt, now, retried: false, ct);

    private async Task<CheckInOutcome> AdmitOnceAsync(Event e, Guid guestId, byte companion, string station, string? nonce, DateTimeOffset? scannedAt, DateTimeOffset now,
        bool retried, CancellationToken ct)
    {
        // One read: the answer, the allowance and the person as the door shows them.
        var guest = await db.Guests.AsNoTracking().Where(g => g.Id == guestId && g.EventId == e.Id)
            .Select(g => new { g.Rsvp, g.PlusOnes, g.MissionId, g.Contact, Organization = g.Contact!.Organization!.Name }).FirstOrDefaultAsync(ct);
        if (guest is null || guest.Contact is not { ErasedAt: null } person)
        {
            return new CheckInOutcome(CheckInResult.Unknown, CheckInReasons.NotOnList);
        }
        var (name, organization) = (person.DisplayName, guest.Organization);
        if (guest.Rsvp is RsvpAnswer.Declined or RsvpAnswer.Waitlisted)
        {
            return new CheckInOutcome(CheckInResult.Declined, guest.Rsvp == RsvpAnswer.Waitlisted ? CheckInReasons.Waitlisted : null, guestId, companion,
                DisplayName: name, Organization: organization);
        }
        if (companion > guest.PlusOnes)
        {
            return new CheckInOutcome(CheckInResult.Declined, CheckInReasons.CompanionNotExpected, guestId, companion, DisplayName: name, Organization: organization);
        }
        // The admission and the guest's own record together, or neither.
        var admitted = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Admissions.Add(new Admission { MissionId = guest.MissionId, EventId = e.Id, GuestId = guestId, Companion = companion, Station = station, At = now, ScannedAt = scannedAt, Nonce = nonce });
            try
            {
                await db.SaveChangesAsync(ct);
                if (companion == 0)
                {
                    await db.Guests.Where(g => g.Id == guestId && g.CheckedInAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(g => g.CheckedInAt, now).SetProperty(g => g.CheckedInBy, station), ct);
                }
                await transaction.CommitAsync(ct);
                admitted = true;
            }
            catch (DbUpdateException ex) when (WriteConflicts.IsConflict(ex))
            {
                db.ChangeTracker.Clear(); // rolled back as the transaction ends: on PostgreSQL nothing more may run in it
            }
        }
        if (!admitted)
        {
            var first = await db.Admissions.AsNoTracking().FirstOrDefaultAsync(a => a.EventId == e.Id && a.GuestId == guestId && a.Companion == companion, ct);
            if (first is null)
            {
                // Undone between our insert and this read: the place is free again, so try once more.
                return retried ? new CheckInOutcome(CheckInResult.AlreadyCheckedIn, null, guestId, companion, DisplayName: name, Organization: organization)
                    : await AdmitOnceAsync(e, guestId, companion, station, nonce, scannedAt, now, retried: true, ct);
            }
            // The same scan sent again by the same station (a retry after a lost answer) gets the answer it had.
            var result = nonce is not null && first.Nonce == nonce && first.Station == station ? CheckInResult.Admitted : CheckInResult.AlreadyCheckedIn;
            return new CheckInOutcome(result, null, guestId, companion, first.At, first.Station, name, organization);
        }
        return new CheckInOutcome(CheckInResult.Admitted, null, guestId, companion, now, station, name, organization);
    }
}
