using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Email;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Invitations;

/// <summary>
/// Queues invitations: each guest's new state and one outbox row per guest in one transaction, so that pressing
/// send twice, or two offices pressing it at once, or a crash between the two, never sends anyone two. The outbox
/// worker writes each message (<see cref="InvitationMail"/>) as it sends it.
/// </summary>
public sealed class InvitationSender(ChanceryDb db, Outbox outbox, EventKeyRing keys, Infrastructure.PublicUrls urls, TimeProvider clock)
{
    // The worker writes each guest's reply link with no request to take an address from: without one configured,
    // every invitation would fail at the mail server's door. Say so before anything is queued.
    private void EnsureLinksCanBeWritten(Missions.Mission mission)
    {
        if (!urls.CanLinkOutsideRequests(mission.HostName))
        {
            throw new DomainException("Invitations carry each guest's reply link, and Chancery does not know its public address yet: an administrator sets PublicBaseUrl (or the mission's own host name) first.");
        }
    }

    public sealed record Queued(int Count, int AlreadyInvited, int WithoutEmail, int Declined);

    /// <summary>Who an invitation by e-mail goes to: not invited yet, not declined, with an address (and not erased).</summary>
    public static bool IsToInviteByEmail(Guest g) =>
        g.Invitation == InvitationState.NotSent && g.Rsvp != RsvpAnswer.Declined && g.Contact is { ErasedAt: null, Email: not null };

    /// <summary>Who is invited by hand, with a printed card: not invited yet, not declined, no address.</summary>
    public static bool IsToInviteByHand(Guest g) =>
        g.Invitation == InvitationState.NotSent && g.Rsvp != RsvpAnswer.Declined && g.Contact is { ErasedAt: null, Email: null };

    /// <summary>Who a reminder reaches: the invitation was delivered by e-mail (a card by hand has no address to remind), no answer yet.</summary>
    public static bool IsToRemind(Guest g, bool invitationDelivered) =>
        invitationDelivered && g.Rsvp == RsvpAnswer.Pending && g.Contact is { ErasedAt: null, Email: not null };

    public const string DedupPrefix = "invitation:";
    public const string ReminderPrefix = "reminder:";
    public const string PlacePrefix = "place:";

    /// <summary>Invites the guests named, or every guest not invited yet; those invited, declined, or without an e-mail address are counted apart.</summary>
    public async Task<Queued> QueueAsync(Event e, IReadOnlyList<Guid>? guestIds, CancellationToken ct = default)
    {
        if (guestIds is { Count: > GuestList.MaxIdsAtOnce })
        {
            throw new DomainException($"At most {GuestList.MaxIdsAtOnce:N0} guests in one request; this one names {guestIds.Count:N0}.", "guestIds");
        }
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == e.MissionId, ct);
        EnsureLinksCanBeWritten(mission);
        var languages = InvitationLanguages.Of(e, mission);
        using var eventKeys = await keys.ForAsync(e, ct); // saved on its own, before this unit of work
        return await db.RetryOnConflictAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.TakeTurnsOnAsync(WriteConflicts.Turns.Event, e.Id, ct);
            var query = db.Guests.AsTracking().Include(g => g.Contact).Where(g => g.EventId == e.Id);
            if (guestIds is not null)
            {
                query = query.Where(g => guestIds.Contains(g.Id));
            }
            var guests = await query.OrderBy(g => g.Id).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var items = new List<(string DedupKey, OutboxAbout About, string Recipient)>();
            int already = 0, withoutEmail = 0, declined = 0;
            foreach (var g in guests)
            {
                if (IsToInviteByEmail(g))
                {
                    Invite(g, InvitationState.Queued, now, languages, eventKeys);
                    items.Add(($"{DedupPrefix}{g.Id}", OutboxAbout.Guest(g.Id), g.Contact!.Email!));
                }
                else if (g.Invitation != InvitationState.NotSent)
                {
                    already++;
                }
                else if (g.Rsvp == RsvpAnswer.Declined)
                {
                    declined++; // answered no before a card went: none is sent
                }
                else
                {
                    withoutEmail++;
                }
            }
            await outbox.AddForRenderingAsync(e.MissionId, InvitationMail.RendererName, items, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Queued(items.Count, already, withoutEmail, declined);
        }, ct);
    }

    /// <summary>
    /// Sends one guest's invitation again (it went astray, or failed): a new message, with the same link and codes,
    /// once per press — a second press while it is still queued adds nothing.
    /// </summary>
    // Two presses at once: the second's message key is taken, so it runs again and finds the first one queued.
    public Task<bool> ResendAsync(Event e, Guid guestId, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(() => ResendOnceAsync(e, guestId, ct), ct);

    private async Task<bool> ResendOnceAsync(Event e, Guid guestId, CancellationToken ct)
    {
        var guest = await db.Guests.AsTracking().Include(g => g.Contact).FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == e.Id, ct)
            ?? throw DomainException.NotFound("guest");
        if (guest.Invitation == InvitationState.NotSent || guest.Contact is not { ErasedAt: null, Email: { } address })
        {
            return false;
        }
        var earlier = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AboutType == OutboxAbout.GuestType && m.AboutId == guestId && m.DedupKey.StartsWith(DedupPrefix))
            .Select(m => m.Status).ToListAsync(ct);
        if (earlier.Contains(OutboxStatus.Queued))
        {
            return false; // one is on its way already
        }
        guest.Invitation = InvitationState.Queued;
        await outbox.AddForRenderingAsync(e.MissionId, InvitationMail.RendererName, [($"{DedupPrefix}{guestId}:{earlier.Count + 1}", OutboxAbout.Guest(guestId), address)], ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // What an invitation fixes, however it goes: its language, the link, whom it names, how many may come.
    private static void Invite(Guest g, InvitationState state, DateTimeOffset now, IReadOnlyList<string> languages, EventKeyRing.Keys eventKeys)
    {
        g.Invitation = state;
        g.InvitedAt = now;
        g.InvitationLanguage = InvitationLanguages.For(g.Contact?.Language, languages);
        g.PlusOnesAllowed ??= g.PlusOnes;
        g.PartnerInvited = GuestCounts.HasPartner(g);
        g.RsvpTokenHash = GuestSecrets.TokenHash(GuestSecrets.Token(eventKeys.Secret, g.Id));
    }

    /// <summary>
    /// Invites by hand (a printed card, by pouch or courier) the guests without an e-mail address who are not invited
    /// yet and have not declined: their link and codes now work, and they count as sent. Returns how many.
    /// </summary>
    public async Task<int> InviteByHandAsync(Event e, CancellationToken ct = default)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == e.MissionId, ct);
        var languages = InvitationLanguages.Of(e, mission);
        using var eventKeys = await keys.ForAsync(e, ct);
        return await db.RetryOnConflictAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.TakeTurnsOnAsync(WriteConflicts.Turns.Event, e.Id, ct);
            var guests = await db.Guests.AsTracking().Include(g => g.Contact)
                .Where(g => g.EventId == e.Id && g.Invitation == InvitationState.NotSent && g.Rsvp != RsvpAnswer.Declined && g.Contact!.ErasedAt == null && g.Contact.Email == null)
                .ToListAsync(ct);
            var now = clock.GetUtcNow();
            guests.ForEach(g => Invite(g, InvitationState.Sent, now, languages, eventKeys));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return guests.Count;
        }, ct);
    }

    public sealed record Reminded(int Count, int RemindedThisRound, int Answered, int NotInvited);

    /// <summary>
    /// Reminds the guests named, or every invited guest who has not answered: one reminder per guest per round. A
    /// round is a day on the venue's clock, so asking again the same day (or two offices asking at once) sends no
    /// second one. Only a guest whose invitation went out is reminded, with the same link and codes.
    /// </summary>
    public async Task<Reminded> RemindAsync(Event e, IReadOnlyList<Guid>? guestIds, CancellationToken ct = default)
    {
        if (guestIds is { Count: > GuestList.MaxIdsAtOnce })
        {
            throw new DomainException($"At most {GuestList.MaxIdsAtOnce:N0} guests in one request; this one names {guestIds.Count:N0}.", "guestIds");
        }
        var now = clock.GetUtcNow();
        if (RsvpWindow.IsClosed(e, now))
        {
            throw new DomainException($"Answers closed on {RsvpWindow.ClosesAtLocal(e):d MMMM yyyy, HH:mm}: a reminder would ask for an answer the guest's page no longer takes.", "reminder");
        }
        EnsureLinksCanBeWritten(await db.Missions.AsNoTracking().FirstAsync(m => m.Id == e.MissionId, ct));
        var round = RsvpWindow.LocalNow(e, now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await db.RetryOnConflictAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.TakeTurnsOnAsync(WriteConflicts.Turns.Event, e.Id, ct);
            var query = db.Guests.AsNoTracking().Include(g => g.Contact).Where(g => g.EventId == e.Id);
            if (guestIds is not null)
            {
                query = query.Where(g => guestIds.Contains(g.Id));
            }
            var guests = await query.OrderBy(g => g.Id).ToListAsync(ct);
            var delivered = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.AboutType == OutboxAbout.GuestType && m.DedupKey.StartsWith(DedupPrefix) && m.Status == OutboxStatus.Sent
                    && db.Guests.Where(g => g.EventId == e.Id).Select(g => (Guid?)g.Id).Contains(m.AboutId))
                .Select(m => m.AboutId!.Value).ToListAsync(ct)).ToHashSet();
            var items = new List<(string DedupKey, OutboxAbout About, string Recipient)>();
            int answered = 0, notInvited = 0;
            foreach (var g in guests)
            {
                if (IsToRemind(g, delivered.Contains(g.Id)))
                {
                    items.Add(($"{ReminderPrefix}{g.Id}:{round}", OutboxAbout.Guest(g.Id), g.Contact!.Email!));
                }
                else if (g.Rsvp != RsvpAnswer.Pending)
                {
                    answered++;
                }
                else
                {
                    notInvited++;
                }
            }
            var rows = await outbox.AddForRenderingAsync(e.MissionId, InvitationMail.RendererName, items, ct);
            var added = rows.Count(r => db.Entry(r).State == EntityState.Added);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Reminded(added, items.Count - added, answered, notInvited);
        }, ct);
    }

    public sealed record InvitationStatus(Guid GuestId, string? Language, string Status, string? Error, DateTimeOffset? SentAt, int Reminders = 0, DateTimeOffset? RemindedAt = null);

    /// <summary>Each guest's invitation as the outbox knows it: not sent, queued, sent, or failed with the server's words.</summary>
    public async Task<List<InvitationStatus>> StatusAsync(Event e, Guid? onlyGuest = null, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsNoTracking().Where(g => g.EventId == e.Id && (onlyGuest == null || g.Id == onlyGuest)).OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.InvitationLanguage, g.Invitation }).ToListAsync(ct);
        var all = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MissionId == e.MissionId && m.AboutType == OutboxAbout.GuestType && (m.DedupKey.StartsWith(DedupPrefix) || m.DedupKey.StartsWith(ReminderPrefix))
                    && db.Guests.Where(g => g.EventId == e.Id && (onlyGuest == null || g.Id == onlyGuest)).Select(g => (Guid?)g.Id).Contains(m.AboutId))
                .Select(m => new { m.AboutId, m.DedupKey, m.Status, m.LastError, m.SentAt, m.QueuedAt, m.Id }).ToListAsync(ct);
        var messages = all.Where(m => m.DedupKey.StartsWith(DedupPrefix, StringComparison.Ordinal))
            .GroupBy(m => m.AboutId!.Value) // a resent invitation: the latest tells
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.QueuedAt).ThenBy(m => m.Id).Last());
        var reminders = all.Where(m => m.DedupKey.StartsWith(ReminderPrefix, StringComparison.Ordinal) && m.Status != OutboxStatus.Failed)
            .GroupBy(m => m.AboutId!.Value).ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(m => m.SentAt ?? m.QueuedAt)));
        return [.. guests.Select(g =>
        {
            var (count, last) = reminders.TryGetValue(g.Id, out var r) ? r : (0, (DateTimeOffset?)null);
            return messages.TryGetValue(g.Id, out var m)
                ? new InvitationStatus(g.Id, g.InvitationLanguage, m.Status switch { OutboxStatus.Sent => "sent", OutboxStatus.Failed => "failed", _ => "queued" },
                    m.Status == OutboxStatus.Sent ? null : m.LastError, m.SentAt, count, last)
                : new InvitationStatus(g.Id, g.InvitationLanguage, g.Invitation == InvitationState.NotSent ? "notSent" : g.Invitation.ToString().ToLowerInvariant(), null, null, count, last);
        })];
    }

    /// <summary>How far the batch going out now has gone: everything to the event's guests queued since the oldest message still on its way.</summary>
    public async Task<(int Done, int Total)> ProgressAsync(Event e, CancellationToken ct = default)
    {
        var messages = db.OutboxMessages.Where(m => m.AboutType == OutboxAbout.GuestType
            && db.Guests.Where(g => g.EventId == e.Id).Select(g => (Guid?)g.Id).Contains(m.AboutId));
        var oldest = await messages.Where(m => m.Status == OutboxStatus.Queued).OrderBy(m => m.QueuedAt).Select(m => (DateTimeOffset?)m.QueuedAt).FirstOrDefaultAsync(ct);
        if (oldest is null)
        {
            return (0, 0);
        }
        var batch = await messages.Where(m => m.QueuedAt >= oldest).GroupBy(m => m.Status == OutboxStatus.Queued)
            .Select(g => new { Waiting = g.Key, Count = g.Count() }).ToListAsync(ct);
        var waiting = batch.Where(b => b.Waiting).Sum(b => b.Count);
        var total = batch.Sum(b => b.Count);
        return (total - waiting, total);
    }
}
