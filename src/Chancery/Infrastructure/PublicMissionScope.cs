using System.Collections.Concurrent;
using System.Net;
using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Infrastructure;

/// <summary>
/// The one place a guest's request gets its mission: a path under <c>/m/{slug}/</c>. The unit of work then runs in
/// that mission's public scope (<see cref="MissionScope.EnterPublic"/>): queries see its rows only, saves reach
/// nothing else. A mission's own host name only sends its root (<c>/</c>) there; every other path on that host —
/// staff pages, the API, sign-in, probes — is left alone, so no host name can take the staff site over.
/// </summary>
public sealed class PublicMissionScope(RequestDelegate next, PublicAddresses addresses)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // A status-code page re-runs the pipeline in the same unit of work: its scope is set already.
        if (http.Features.Get<PublicAddresses.Found>() is null)
        {
            var prefix = "/m/";
            if ((http.Request.Path == "/" || http.Request.Path.StartsWithSegments("/news") || http.Request.Path.StartsWithSegments("/exhibitions"))
                && await RootMissionAsync(http) is { } byRoot)
            {
                http.Request.Path = $"/m/{byRoot.Slug}{(http.Request.Path == "/" ? "" : http.Request.Path.Value)}";
                prefix = "/";
            }
            if (http.Request.Path.StartsWithSegments("/m", out var rest) && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var slug, ..]
                && await addresses.BySlugAsync(http, slug) is { } mission)
            {
                http.RequestServices.GetRequiredService<MissionScope>().EnterPublic(mission.MissionId);
                http.Features.Set(mission);
                http.Features.Set(new PublicAddresses.Root(prefix == "/" ? "" : $"/m/{mission.Slug}"));
            }
        }
        await next(http);
    }

    // The mission whose pages the root, /news and /exhibitions (API.md's public paths) are: the one whose own host name this is,
    // else the installation's only mission. A ministry's shared host has no such mission: there, /m/{slug}/ it is.
    private async Task<PublicAddresses.Found?> RootMissionAsync(HttpContext http) =>
        http.Request.Host.Host is { Length: > 0 } host && await addresses.ByHostAsync(http, host) is { } byHost ? byHost
        : http.Request.Path == "/" ? null
        : await addresses.OnlyAsync(http);
}

/// <summary>
/// Which mission a public address belongs to, remembered for a minute. Only addresses that exist are remembered
/// (a stream of made-up ones costs a query each, not memory), only well-formed ones are looked up at all, and a
/// saved change to any mission forgets everything (<see cref="Data.SaveHooks"/>).
/// </summary>
public sealed class PublicAddresses(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (Found Mission, DateTimeOffset Until)> _known = new();

    public sealed record Found(Guid MissionId, string Slug);

    /// <summary>Where the mission's public pages are on this request's host: "" on its own host name, else <c>/m/{slug}</c>.</summary>
    public sealed record Root(string Prefix);

    /// <summary>The installation's one mission, if it has exactly one.</summary>
    public async Task<Found?> OnlyAsync(HttpContext http)
    {
        var now = clock.GetUtcNow();
        if (_only is { } known && known.Until > now)
        {
            return known.Mission;
        }
        var db = http.RequestServices.GetRequiredService<ChanceryDb>();
        var two = await db.Missions.IgnoreQueryFilters().OrderBy(m => m.Id).Select(m => new Found(m.Id, m.Slug)).Take(2).ToListAsync(http.RequestAborted);
        var only = two.Count == 1 ? two[0] : null;
        _only = new Remembered(only, now + Lifetime);
        return only;
    }

    // One reference, swapped whole: a reader on another thread never sees half of it.
    private sealed record Remembered(Found? Mission, DateTimeOffset Until);
    private volatile Remembered? _only;

    public Task<Found?> BySlugAsync(HttpContext http, string slug)
    {
        var wanted = slug.ToLowerInvariant();
        return MissionAddress.CheckSlug(wanted) is not null ? Task.FromResult<Found?>(null) : FindAsync(http, "slug:" + wanted, m => m.Slug == wanted);
    }

    public Task<Found?> ByHostAsync(HttpContext http, string host)
    {
        var name = MissionAddress.CleanHostName(host);
        // Probes and direct access come by IP address or localhost: never a mission's own name.
        return name is null || IPAddress.TryParse(name.Trim('[', ']'), out _) || name == "localhost" || MissionAddress.CheckHostName(name) is not null
            ? Task.FromResult<Found?>(null)
            : FindAsync(http, "host:" + name, m => m.HostName == name);
    }

    public void ForgetAll()
    {
        _known.Clear();
        _only = null;
    }

    private async Task<Found?> FindAsync(HttpContext http, string key, System.Linq.Expressions.Expression<Func<Mission, bool>> match)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(key, out var hit) && hit.Until > now)
        {
            return hit.Mission;
        }
        var db = http.RequestServices.GetRequiredService<ChanceryDb>();
        // Across the filter on purpose: finding which mission an address belongs to is what sets the scope.
        var found = await db.Missions.IgnoreQueryFilters().Where(match).Select(m => new Found(m.Id, m.Slug)).FirstOrDefaultAsync(http.RequestAborted);
        if (found is not null)
        {
            _known[key] = (found, now + Lifetime);
        }
        return found;
    }
}
