using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

public static class AuditApi
{
    public sealed record AuditDto(Guid Id, Guid MissionId, DateTimeOffset At, Guid? UserId, string UserName, string Action, string EntityType, string EntityId, string Changes);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).RequireAuthorization(Policies.Admin).WithTags("Audit")
            .WithSummary("Changes in the missions where the user is an administrator, newest first");
        return api;
    }

    private static async Task<Ok<List<AuditDto>>> ListAsync(MissionScope scope, ChanceryDb db,
        string? entityType, string? entityId, Guid? userId, DateTimeOffset? from, DateTimeOffset? to, int? limit, int? offset)
    {
        var q = AuditQuery.Filter(AuditQuery.Readable(db.AuditEntries, scope), entityType, entityId, userId, from, to);
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Paging.Offset(offset)).Take(Paging.Limit(limit))
            .Select(a => new AuditDto(a.Id, a.MissionId, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToListAsync();
        return TypedResults.Ok(rows);
    }
}
