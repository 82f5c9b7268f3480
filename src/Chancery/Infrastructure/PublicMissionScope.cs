using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Chancery.Infrastructure;

/// <summary>
/// The one place a guest's request gets its mission: <c>/m/{slug}/…</c>, or any request on a mission's own host
/// name (whose root shows that mission's public home). The unit of work then runs in that mission's public scope
/// (<see cref="MissionScope.EnterPublic"/>): queries see its rows only, saves reach nothing else. Addresses are
/// cached for a minute; an unknown one leaves the scope empty and the page answers 404.
/// </summary>
public sealed class PublicMissionScope(RequestDelegate next, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public sealed record Found(Guid MissionId, string Slug);

    public async Task InvokeAsync(HttpContext http)
    {
        Found? mission = null;
        if (http.Request.Path.StartsWithSegments("/m", out var rest) && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var slug, ..])
        {
            var wanted = slug.ToLowerInvariant();
            mission = await FindAsync(http, "slug:" + wanted, m => m.Slug == wanted);
        }
        else if (http.Request.Host.Host is { Length: > 0 } host && !IsLocal(host))
        {
            var name = host.ToLowerInvariant();
            mission = await FindAsync(http, "host:" + name, m => m.HostName == name);
            if (mission is not null && http.Request.Path == "/")
            {
                http.Request.Path = $"/m/{mission.Slug}";
            }
        }
        if (mission is not null)
        {
            http.RequestServices.GetRequiredService<MissionScope>().EnterPublic(mission.MissionId);
            http.Features.Set(mission);
        }
        await next(http);
    }

    private static bool IsLocal(string host) => host is "localhost" or "127.0.0.1" or "[::1]";

    private async Task<Found?> FindAsync(HttpContext http, string key, System.Linq.Expressions.Expression<Func<Mission, bool>> match) =>
        await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var db = http.RequestServices.GetRequiredService<ChanceryDb>();
            // Across the filter on purpose: finding which mission an address belongs to is what sets the scope.
            return await db.Missions.IgnoreQueryFilters().AsNoTracking().Where(match)
                .Select(m => new Found(m.Id, m.Slug)).FirstOrDefaultAsync(http.RequestAborted);
        });
}
