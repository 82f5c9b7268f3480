using Chancery.Domain.Audit;
using Chancery.Domain.Guests;

namespace Chancery.Domain.Door;

/// <summary>
/// Who a batch of scans admits, and what each scan is told, from what the batch read (Data/HandWritten/DoorStatements):
/// no database here, so each rule reads as it is. In the queue's order, so the first of two scans of one person in a
/// batch is the one that admits.
/// </summary>
public static class AdmissionRules
{
    /// <summary>
    /// A nonce names one scan: sent again with the same code (or the same guest found by name) it is that scan again;
    /// with another, a station is reusing nonces (or two stations share a generator), and the second scan is neither
    /// decided nor logged over the first — answered unknown, nonceReused, which a lone scan turns into a 409.
    /// </summary>
    public static void RefuseReusedNonces(IReadOnlyList<ScanBatches.Request> batch,
        Dictionary<(Guid EventId, string Nonce), (string Code, Guid? GuestId, byte Companion)> logged, CheckInOutcome?[] answers)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i] is not { Nonce: not null, Code: not null } r)
            {
                continue;
            }
            var key = (r.EventId, r.Nonce);
            if (!logged.TryGetValue(key, out var scan))
            {
                logged[key] = (r.Code, r.GuestId, r.Companion);
            }
            // The same person (whether the code was scanned or typed), else the same code as read.
            else if (scan.GuestId is { } guest && r.GuestId is not null ? (guest, scan.Companion) != (r.GuestId.Value, r.Companion) : scan.Code != r.Code)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, CheckInReasons.NonceReused);
            }
        }
    }

    /// <summary>The refusals, and the admissions to write (<c>admits[i]</c> for each index of <c>admitting</c>); each admitted person counts as in for the rest of the batch.</summary>
    public static (AdmittedAs?[] Admits, List<int> Admitting) Decide(IReadOnlyList<ScanBatches.Request> batch, Dictionary<Guid, GuestAtDoor> guests, CheckInOutcome?[] answers)
    {
        var admits = new AdmittedAs?[batch.Count];
        var admitting = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            if (answers[i] is not null)
            {
                continue;
            }
            if (r.GuestId is null)
            {
                answers[i] = new CheckInOutcome(CheckInResult.Unknown, r.Refusal ?? CheckInReasons.NotOnList);
            }
            // Another event's guest (or another mission's) is not on this list, whatever the code says.
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
        return (admits, admitting);
    }

    /// <summary>
    /// Every answer: whoever is in now was first — this scan, the same scan sent before (a retry after a lost answer
    /// gets the answer it had), or someone else.
    /// </summary>
    public static CheckInOutcome[] SayWhoIsIn(IReadOnlyList<ScanBatches.Request> batch, Dictionary<Guid, GuestAtDoor> guests, AdmittedAs?[] admits, CheckInOutcome?[] answers)
    {
        var said = new CheckInOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (answers[i] is { } answer)
            {
                said[i] = answer;
                continue;
            }
            var r = batch[i];
            var guest = guests[r.GuestId!.Value];
            var first = guest.In[r.Companion];
            var result = first == admits[i] || (r.Nonce is not null && first.Nonce == r.Nonce && first.Station == r.Station) ? CheckInResult.Admitted : CheckInResult.AlreadyCheckedIn;
            said[i] = new CheckInOutcome(result, null, r.GuestId, r.Companion, first.At, first.Station, guest.Name.DisplayName, guest.Organization);
        }
        return said;
    }

    /// <summary>
    /// A log row per nonce (a scan without a code, a walk-in, is not a scan), in the order of the unique index (as the
    /// admissions, for the same reason): a scan sent twice in one batch is one row that keeps what either copy knew
    /// (PostgreSQL refuses to update a row twice in one statement). A reused nonce's scan is not logged over the first.
    /// </summary>
    public static List<ScanRow> LogRows(IReadOnlyList<ScanBatches.Request> batch, CheckInOutcome[] answers)
    {
        var rows = new List<ScanRow>(batch.Count);
        var byNonce = new Dictionary<(Guid, string), ScanRow>();
        foreach (var i in Enumerable.Range(0, batch.Count).Where(i => batch[i].Code is not null && answers[i].Reason != CheckInReasons.NonceReused)
            .OrderBy(i => batch[i].EventId).ThenBy(i => batch[i].Nonce, StringComparer.Ordinal))
        {
            var (r, a) = (batch[i], answers[i]);
            if (r.Nonce is not null && byNonce.TryGetValue((r.EventId, r.Nonce), out var logged))
            {
                logged.ScannedAt ??= r.ScannedAt;
                logged.AdmittedOffline |= r.AdmittedOffline;
                continue;
            }
            var row = new ScanRow
            {
                MissionId = r.MissionId,
                EventId = r.EventId,
                Station = r.Station,
                Nonce = r.Nonce,
                Code = r.Code!,
                ScannedAt = r.ScannedAt,
                ReceivedAt = r.At,
                Result = a.Result,
                Reason = a.Reason,
                GuestId = a.GuestId,
                Companion = r.Companion,
                AdmittedOffline = r.AdmittedOffline,
            };
            rows.Add(row);
            if (r.Nonce is not null)
            {
                byNonce.Add((r.EventId, r.Nonce), row);
            }
        }
        return rows;
    }

    /// <summary>A guest's arrival as the audit records a save of it: their check-in time and station, before and after.</summary>
    public static AuditEntry Arrival(ScanBatches.Request r, Guid missionId) => new()
    {
        MissionId = missionId,
        At = r.At,
        UserId = r.UserId,
        UserName = r.UserName,
        Action = "Updated",
        EntityType = nameof(Guest),
        EntityId = r.GuestId!.Value.ToString(),
        Changes = AuditChanges.Write(new Dictionary<string, object?[]>
        {
            [nameof(Guest.CheckedInAt)] = [null, r.At],
            [nameof(Guest.CheckedInBy)] = [null, r.Station],
        }),
    };
}
