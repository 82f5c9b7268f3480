using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Data;

/// <summary>
/// Runs what must follow a save only once it has gone through: waking the outbox worker for mail queued in it,
/// dropping cached memberships a change touched. A failed save runs nothing. (Inside an explicit transaction
/// the actions run before the commit; the worst that does is wake the worker early, and it polls anyway.)
/// </summary>
public sealed class SaveHooks(MembershipCache memberships) : SaveChangesInterceptor
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
        if (context is ChanceryDb db && db.ChangeTracker.Entries().Any(e => e.Entity is Membership or Mission && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            db.AfterSave(memberships.ForgetAll);
        }
    }

    private static void Run(DbContext? context)
    {
        if (context is ChanceryDb db)
        {
            foreach (var action in db.TakeAfterSave())
            {
                action();
            }
        }
    }

    private static void Discard(DbContext? context)
    {
        if (context is ChanceryDb db)
        {
            db.TakeAfterSave();
        }
    }
}
