using System.Text.Json;
using System.Text.Json.Serialization;
using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Domain.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted mission-scoped record in the
/// same SaveChanges, so a change and its audit row land together or not at all.
/// Identity's own tables, the outbox and the audit log itself are left out: they are machinery, and
/// Identity rows hold password hashes and tokens that must never be copied anywhere.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is not ChanceryDb db)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => IsAudited(e.Entity) && !(e.State == EntityState.Added && db.AuditedInSummary.Contains(e.Entity)))
            .Select(e => Describe(e, db.Scope, now))
            .Where(a => a is not null)
            .ToList();
        db.AuditEntries.AddRange(entries!);
    }

    private static bool IsAudited(object entity) =>
        entity is Mission || (entity is IMissionScoped && entity is not INotAudited);

    private static AuditEntry? Describe(EntityEntry entry, MissionScope scope, DateTimeOffset now)
    {
        var missionId = entry.Entity switch
        {
            Mission m => m.Id,
            IMissionScoped s => s.MissionId,
            _ => Guid.Empty,
        };
        var changes = new Dictionary<string, object?[]>();
        var erasing = entry.Entity is IErasable { ErasedAt: not null } && entry.State == EntityState.Modified
            && entry.Property(nameof(IErasable.ErasedAt)).OriginalValue is null;
        foreach (var p in entry.Properties)
        {
            if (erasing)
            {
                if (p.IsModified)
                {
                    changes[p.Metadata.Name] = [null, null];
                }
                continue;
            }
            if (p.Metadata.IsPrimaryKey() || p.Metadata.Name == nameof(IMissionScoped.MissionId))
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    changes[p.Metadata.Name] = [null, p.CurrentValue];
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
                    break;
                case EntityState.Deleted when p.OriginalValue is not null:
                    changes[p.Metadata.Name] = [p.OriginalValue, null];
                    break;
            }
        }
        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }
        return new AuditEntry
        {
            MissionId = missionId,
            At = now,
            UserId = scope.UserId,
            UserName = scope.UserName,
            Action = erasing ? "Erased" : entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue)),
            Changes = AuditChanges.Write(changes),
        };
    }
}
