using System.Collections.Concurrent;
using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Missions;

/// <summary>
/// What every authenticated request needs to know of its user — their active memberships, their current security
/// stamp and the token chains of theirs that were ended — kept in memory for a short time so the request path does
/// not ask the database each time. A change saved on this server (a role changed, someone disabled, a password
/// changed, a mission renamed) takes effect at once: <see cref="Data.SaveHooks"/> drops the entries once the change
/// is saved. A change saved on another app server takes effect here within <see cref="Lifetime"/>.
/// </summary>
public sealed class MembershipCache(TimeProvider clock)
{
    /// <summary>How long another server's change may go unseen here.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _userGenerations = new();
    private long _generation;

    /// <summary>A user as the request path sees them; <see cref="SecurityStamp"/> is null when the user is gone.</summary>
    public sealed record UserAccess(IReadOnlyList<MissionAccess> Memberships, string? SecurityStamp, IReadOnlySet<Guid> EndedChains);

    private sealed record Entry(UserAccess Access, DateTimeOffset Until, long Generation, long UserGeneration);

    private bool Fresh(Guid userId, Entry entry, DateTimeOffset now) =>
        entry.Until > now && entry.Generation == Interlocked.Read(ref _generation) && entry.UserGeneration == _userGenerations.GetValueOrDefault(userId);

    public async Task<IReadOnlyList<MissionAccess>> GetAsync(ChanceryDb db, Guid userId, CancellationToken ct) =>
        (await AccessAsync(db, userId, ct)).Memberships;

    /// <summary>The user's entry while it is fresh; false when it must be read.</summary>
    public bool TryGet(Guid userId, out UserAccess access)
    {
        var fresh = _entries.TryGetValue(userId, out var hit) && Fresh(userId, hit, clock.GetUtcNow());
        access = fresh ? hit!.Access : null!;
        return fresh;
    }

    public async Task<UserAccess> AccessAsync(ChanceryDb db, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        var userGeneration = _userGenerations.GetValueOrDefault(userId);
        if (_entries.TryGetValue(userId, out var hit) && Fresh(userId, hit, now))
        {
            return hit.Access;
        }
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.DisabledAt == null)
            .OrderBy(m => m.Mission!.Name)
            .Select(m => new MissionAccess(m.MissionId, m.Mission!.Name, m.Role))
            .ToListAsync(ct);
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        var ended = await db.TokenChains.AsNoTracking().Where(c => c.UserId == userId && c.RevokedAt != null && c.ExpiresAt > now).Select(c => c.Id).ToListAsync(ct);
        var access = new UserAccess(memberships, stamp, ended.ToHashSet());
        // Stamped with the generation read before the query: a change saved meanwhile makes this entry stale at once.
        _entries[userId] = new Entry(access, now + Lifetime, generation, userGeneration);
        return access;
    }

    /// <summary>
    /// Forgets every entry. Memberships, stamps and missions change rarely, so one generation for all is enough,
    /// and it also voids an entry that a concurrent request is loading from before the change.
    /// </summary>
    /// <summary>
    /// Forgets one user (their password, stamp or token chains changed): a sign-in attempt or a password change
    /// touches only that user's entry. Like <see cref="ForgetAll"/>, it voids a load of that user under way.
    /// </summary>
    public void ForgetUser(Guid userId)
    {
        _userGenerations.AddOrUpdate(userId, 1, (_, g) => g + 1);
        _entries.TryRemove(userId, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
