using Chancery.Domain.Missions;
using Chancery.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Data;

/// <summary>A save that would reach outside its unit of work's missions: a defect, never the user's doing.</summary>
public sealed class MissionScopeViolation(string message) : InvalidOperationException(message);

/// <summary>
/// Refuses rows outside the unit of work's <see cref="MissionScope"/> (see <see cref="ScopeKind"/>), and runs
/// what must follow a save only once it is committed: waking the outbox worker for mail queued in it, dropping
/// cached memberships and public addresses a change touched. Inside an explicit transaction that is at the
/// commit (a cache refilled before it would keep the old rows); a failed save or a rollback runs nothing.
/// </summary>
public sealed class SaveHooks(MembershipCache memberships, Infrastructure.PublicAddresses addresses) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Run(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not ChanceryDb db)
        {
            return;
        }
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        GuardScope(db.Scope, changed);
        FieldLengths.Guard(changed);
        // A new security stamp (a password changed, a role changed, someone disabled) or a token chain ends sessions:
        // the cache must not keep that user as they were (CurrentSessions). Identity saves a user whole (every
        // column marked changed) even for a failed sign-in, so only that user's entry goes, not everyone's.
        foreach (var userId in changed.Select(e => e.Entity switch { ChanceryUser u => u.Id, TokenChain c => c.UserId, _ => Guid.Empty }).Where(id => id != Guid.Empty).Distinct())
        {
            db.AfterSave(() => memberships.ForgetUser(userId));
        }
        if (changed.Any(e => e.Entity is Membership or Mission))
        {
            db.AfterSave(memberships.ForgetAll);
        }
        if (changed.Any(e => e.Entity is Mission))
        {
            db.AfterSave(addresses.ForgetAll);
        }
    }

    // The last line of mission isolation: whatever a handler forgot to check, no row of a mission outside the unit
    // of work's scope is saved. A member may create a mission (and its first rows) in the same save.
    private static void GuardScope(MissionScope scope, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> changed)
    {
        var newMissions = changed.Where(e => e is { Entity: Mission, State: EntityState.Added }).Select(e => ((Mission)e.Entity).Id).ToHashSet();
        foreach (var entry in changed)
        {
            var (missionId, allowed) = entry.Entity switch
            {
                Mission m when entry.State == EntityState.Added => (m.Id, scope.Kind is ScopeKind.Member or ScopeKind.System),
                Mission m => (m.Id, scope.CanWrite(m.Id)),
                IMissionScoped s => (s.MissionId, scope.CanWrite(s.MissionId) || (scope.Kind == ScopeKind.Member && newMissions.Contains(s.MissionId))),
                _ => (Guid.Empty, true),
            };
            if (allowed && entry.Entity is IMissionScoped && entry.State == EntityState.Modified && entry.Property(nameof(IMissionScoped.MissionId)).IsModified)
            {
                allowed = false;
            }
            if (!allowed)
            {
                throw new MissionScopeViolation($"A {scope.Kind} unit of work tried to save a {entry.Metadata.ClrType.Name} of mission {missionId} ({entry.State}); its scope does not reach that mission.");
            }
        }
    }

    private static void Run(DbContext? context, bool committed = false)
    {
        if (context is ChanceryDb db && (committed || db.Database.CurrentTransaction is null))
        {
            foreach (var action in db.TakeAfterSave())
            {
                action();
            }
        }
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Discard(DbContext? context)
    {
        if (context is ChanceryDb db)
        {
            db.TakeAfterSave();
        }
    }
}
