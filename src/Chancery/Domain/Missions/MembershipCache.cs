using System.Collections.Concurrent;
using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Missions;

/// <summary>
/// Each user's active memberships, read on every authenticated request, kept in memory for a short time so the
/// request path does not ask the database each time. A change saved on this server (a role changed, someone
/// disabled, a mission renamed) takes effect at once: <see cref="Data.SaveHooks"/> drops the entries once the change
/// is saved. A change saved on another app server takes effect here within <see cref="Lifetime"/>.
/// </summary>
public sealed class MembershipCache(TimeProvider clock)
{
    /// <summary>How long another server's change may go unseen here.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;

    private sealed record Entry(IReadOnlyList<MissionAccess> Memberships, DateTimeOffset Until, long Generation);

    public async Task<IReadOnlyList<MissionAccess>> GetAsync(ChanceryDb db, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(userId, out var hit) && hit.Until > now && hit.Generation == generation)
        {
            return hit.Memberships;
        }
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.DisabledAt == null)
            .OrderBy(m => m.Mission!.Name)
            .Select(m => new MissionAccess(m.MissionId, m.Mission!.Name, m.Role))
            .ToListAsync(ct);
        // Stamped with the generation read before the query: a change saved meanwhile makes this entry stale at once.
        _entries[userId] = new Entry(memberships, now + Lifetime, generation);
        return memberships;
    }

    /// <summary>
    /// Forgets every entry. Memberships and missions change rarely, so one generation for all is enough, and it
    /// also voids an entry that a concurrent request is loading from before the change.
    /// </summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
