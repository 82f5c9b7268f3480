namespace Chancery.Domain.Audit;

/// <summary>The audit log's filters, shared by the Audit page and the API.</summary>
public static class AuditQuery
{
    /// <summary>Who reads a mission's audit log: its administrators.</summary>
    public static readonly Missions.MissionRole[] Readers = [Missions.MissionRole.Admin];

    /// <summary>The entries of the missions whose log the caller may read (their administrators'), nothing of the others.</summary>
    public static IQueryable<AuditEntry> Readable(IQueryable<AuditEntry> q, Missions.MissionScope scope)
    {
        var missions = scope.MissionsWhere(Readers);
        return q.Where(a => missions.Contains(a.MissionId));
    }

    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> q, string? entityType, string? entityId, Guid? userId, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            q = q.Where(a => a.EntityType == entityType);
        }
        if (!string.IsNullOrWhiteSpace(entityId))
        {
            q = q.Where(a => a.EntityId == entityId.Trim());
        }
        if (userId is { } u)
        {
            q = q.Where(a => a.UserId == u);
        }
        if (from is { } f)
        {
            q = q.Where(a => a.At >= f);
        }
        if (to is { } t)
        {
            q = q.Where(a => a.At < t);
        }
        return q;
    }
}
