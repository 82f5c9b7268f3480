using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Email;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Invitations;

/// <summary>
/// Records a guest's answer — from their own page or taken by the office — under the event's capacity (docs/events.md
/// §3a). A yes whose party (the guest, the partner, the plus-ones) no longer fits goes to the waiting list, in the
/// order it came; a guest already expected who asks for more people than fit keeps the answer they had. Only the
/// office gives a waiting guest a place, and the guest is told by e-mail. Answers to one event take turns, so two
/// guests cannot both take the last place.
/// </summary>
public sealed class Answers(ChanceryDb db, Outbox outbox, Infrastructure.PublicUrls urls, TimeProvider clock)
{
    public enum Outcome
    {
        Recorded,
        Waitlisted,
        /// <summary>An expected guest asked for more people than fit: nothing changed.</summary>
        TooMany,
        /// <summary>The office gave a waiting guest a place.</summary>
        Promoted,
    }

    /// <summary>
    /// What happened, the places left for this guest's party when capacity decided it, and (for a place given)
    /// whether the guest is told by e-mail: not when they were never invited, as their link would lead nowhere.
    /// </summary>
    /// <param name="PlusOnesAllowedRaisedTo">The office gave the guest leave to bring more people than their invitation said: how many now.</param>
    public sealed record Result(Outcome Outcome, int? FreePlaces = null, bool Told = false, int? PlusOnesAllowedRaisedTo = null);

    /// <summary>The partner may come only when the invitation named them (and the directory knows who they are).</summary>
    public static bool PartnerInvited(Guest g) => (g.PartnerInvited ?? g.WithPartner) && g.Contact?.SpouseLastName is not null;

    /// <summary>How many people the guest may bring: what the office allowed, else what the invitation said.</summary>
    public static int PlusOnesAllowed(Guest g) => g.PlusOnesAllowed ?? g.PlusOnes;

    /// <summary>
    /// The guest's own answer from their reply page: yes or no; the partner only when invited; at most the company
    /// allowed; the companions' names only with companions; notes cleaned and kept to 1,000 characters. Held to the
    /// capacity like every answer (<see cref="Outcome.TooMany"/>, <see cref="Outcome.Waitlisted"/>).
    /// </summary>
    public Task<Result> RecordGuestAnswerAsync(Guid eventId, Guid guestId, bool accept, bool withPartner, int plusOnes, string? plusOneNames, string? note, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return RecordAsync(eventId, guestId, g =>
        {
            var (partnerInvited, allowed) = (PartnerInvited(g), PlusOnesAllowed(g));
            g.Rsvp = accept ? RsvpAnswer.Accepted : RsvpAnswer.Declined;
            g.WithPartner = accept && withPartner && partnerInvited;
            g.PlusOnes = accept ? Math.Clamp(plusOnes, 0, allowed) : 0;
            g.PlusOneNames = accept && g.PlusOnes > 0 ? Written(plusOneNames) : null;
            g.AnswerNote = Written(note);
            g.AnsweredAt = now;
        }, byOffice: false, ct);
    }

    private static string? Written(string? s) => Contacts.Text.Clean(s) is { } clean ? Contacts.Text.Truncate(clean, 1000) : null;

    public Task<Result> RecordAsync(Guid eventId, Guid guestId, Action<Guest> answer, bool byOffice, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(() => RecordOnceAsync(eventId, guestId, answer, byOffice, onlyFromWaitingList: false, ct), ct);

    /// <summary>Gives a guest on the waiting list their place, over the capacity if the office so decides, and tells them.</summary>
    public Task<Result> PromoteAsync(Guid eventId, Guid guestId, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(() => RecordOnceAsync(eventId, guestId, g => g.Rsvp = RsvpAnswer.Accepted, byOffice: true, onlyFromWaitingList: true, ct), ct);

    /// <summary>Places left under the event's capacity, the others' partners and plus-ones counted; null without a capacity. Call in the event's turn.</summary>
    public async Task<int?> FreePlacesAsync(Guid eventId, Guid? except, CancellationToken ct = default)
    {
        var capacity = await db.Events.Where(e => e.Id == eventId).Select(e => e.Capacity).FirstOrDefaultAsync(ct);
        return capacity is { } c ? c - await PeopleExpectedAsync(eventId, except ?? Guid.Empty, ct) : null;
    }

    private async Task<Result> RecordOnceAsync(Guid eventId, Guid guestId, Action<Guest> answer, bool byOffice, bool onlyFromWaitingList, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.TakeTurnsOnAsync(WriteConflicts.Turns.Event, eventId, ct);
        var e = await db.Events.AsNoTracking().FirstAsync(x => x.Id == eventId, ct);
        var guest = await db.Guests.AsTracking().Include(g => g.Contact).FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == eventId, ct)
            ?? throw DomainException.NotFound("guest");
        var before = guest.Rsvp;
        if (onlyFromWaitingList && before != RsvpAnswer.Waitlisted)
        {
            throw new DomainException("This guest is not on the waiting list (any more).", "guestId"); // read in the event's turn: two clicks, or an answer meanwhile
        }
        var waitingSince = guest.WaitlistedAt;
        var partyBefore = before == RsvpAnswer.Accepted ? GuestCounts.Party(guest) : 0;
        answer(guest);
        var result = new Result(Outcome.Recorded);
        if (guest.Rsvp == RsvpAnswer.Accepted && before == RsvpAnswer.Waitlisted)
        {
            if (byOffice)
            {
                // Told by e-mail when their invitation's link and codes exist (a guest waiting since a yes taken by
                // phone, or a deputy, may have had none yet: the invitation itself then carries the place).
                var hostName = await db.Missions.Where(m => m.Id == e.MissionId).Select(m => m.HostName).FirstAsync(ct);
                var tell = guest.RsvpTokenHash is not null && guest.Contact is { ErasedAt: null, Email: not null } && urls.CanLinkOutsideRequests(hostName);
                if (tell)
                {
                    var key = $"{InvitationSender.PlacePrefix}{guest.Id}:{waitingSince?.UtcTicks ?? 0}";
                    await outbox.AddForRenderingAsync(e.MissionId, InvitationMail.RendererName, [(key, OutboxAbout.Guest(guest.Id), guest.Contact!.Email!)], ct);
                }
                result = new Result(Outcome.Promoted, Told: tell);
            }
            else
            {
                guest.Rsvp = RsvpAnswer.Waitlisted; // the place is the office's to give, in the list's order
                result = new Result(Outcome.Waitlisted);
            }
        }
        else if (guest.Rsvp == RsvpAnswer.Accepted && e.Capacity is { } capacity)
        {
            var free = capacity - await PeopleExpectedAsync(eventId, guestId, ct);
            // Only a growing party is held to it: a note or one fewer person is always taken, even over a capacity lowered since.
            if (GuestCounts.Party(guest) > Math.Max(free, partyBefore))
            {
                if (before == RsvpAnswer.Accepted)
                {
                    db.ChangeTracker.Clear(); // the transaction ends unsaved: the answer they had stands
                    return new Result(Outcome.TooMany, Math.Max(free, 0));
                }
                guest.Rsvp = RsvpAnswer.Waitlisted;
                result = new Result(Outcome.Waitlisted, Math.Max(free, 0));
            }
        }
        guest.WaitlistedAt = guest.Rsvp != RsvpAnswer.Waitlisted ? null : waitingSince ?? clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    // The people the other expected guests bring, partners and plus-ones included.
    private async Task<int> PeopleExpectedAsync(Guid eventId, Guid except, CancellationToken ct)
    {
        var rows = await db.Guests.Where(g => g.EventId == eventId && g.Id != except && g.Rsvp == RsvpAnswer.Accepted)
            .Select(g => new { g.WithPartner, g.PlusOnes, g.Contact!.SpouseLastName }).ToListAsync(ct);
        return rows.Sum(r => GuestCounts.Party(new Guest { WithPartner = r.WithPartner, PlusOnes = r.PlusOnes, Contact = new Contacts.Contact { SpouseLastName = r.SpouseLastName } }));
    }
}
