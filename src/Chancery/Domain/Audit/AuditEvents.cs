using Chancery.Data;

namespace Chancery.Domain.Audit;

/// <summary>Audits something that is not a change to a record (an export of personal data, say), in the next SaveChanges.</summary>
public static class AuditEvents
{
    public static void Add(ChanceryDb db, Guid missionId, string action, string entityType, string entityId, TimeProvider clock, string changes = "{}") =>
        db.AuditEntries.Add(new AuditEntry
        {
            MissionId = missionId,
            At = clock.GetUtcNow(),
            UserId = db.Scope.UserId,
            UserName = db.Scope.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = changes,
        });
}
