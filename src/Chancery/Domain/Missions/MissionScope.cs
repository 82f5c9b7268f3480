using System.Security.Claims;
using Chancery.Data;

namespace Chancery.Domain.Missions;

/// <summary>One mission a signed-in user can act in, and their role there.</summary>
public sealed record MissionAccess(Guid MissionId, string MissionName, MissionRole Role);

/// <summary>
/// Who is asking and which missions they may see, for the length of one request.
/// ChanceryDb's global query filter reads <see cref="VisibleMissionIds"/>; until the scope is
/// loaded (anonymous requests, background work) that set is empty and queries see nothing,
/// so code that must cross missions says so with IgnoreQueryFilters.
/// </summary>
public sealed class MissionScope(MembershipCache? cache)
{
    /// <summary>No user and no mission: what a database context sees before a unit of work claims it.</summary>
    public static MissionScope Nobody => new(null) { IsLoaded = true };

    private static readonly Guid[] None = [];

    public bool IsLoaded { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "system";
    public IReadOnlyList<MissionAccess> Memberships { get; private set; } = [];

    /// <summary>The mission new records go to, and the one the staff pages show.</summary>
    public MissionAccess? Current { get; private set; }

    /// <summary>Missions whose rows queries may return: the current one in the staff pages, all of the user's through the API.</summary>
    public Guid[] VisibleMissionIds { get; private set; } = None;

    public bool IsActiveMember => Memberships.Count > 0;

    /// <summary>Loads the user's active memberships. <paramref name="allMissions"/> is true for API calls.</summary>
    public async Task LoadAsync(ChanceryDb db, ClaimsPrincipal principal, bool allMissions, Guid? preferredMission, CancellationToken ct = default)
    {
        if (IsLoaded)
        {
            return;
        }
        IsLoaded = true;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }
        UserId = userId;
        UserName = principal.FindFirstValue(ClaimTypes.Name) ?? userId.ToString();

        Memberships = await (cache ?? throw new InvalidOperationException("This scope cannot load a user.")).GetAsync(db, userId, ct);

        Current = Memberships.FirstOrDefault(m => m.MissionId == preferredMission) ?? (Memberships.Count > 0 ? Memberships[0] : null);
        VisibleMissionIds = allMissions
            ? [.. Memberships.Select(m => m.MissionId)]
            : Current is null ? None : [Current.MissionId];
    }

    /// <summary>
    /// Background work for one mission (the outbox writing an invitation, a scheduled job): it sees that mission's
    /// rows and acts with every role there, as "system" in the audit log. Set once, before the work starts.
    /// </summary>
    public void EnterBackground(Guid missionId)
    {
        if (IsLoaded)
        {
            throw new InvalidOperationException("This unit of work already has its scope.");
        }
        IsLoaded = true;
        UserName = "system";
        Memberships = [new MissionAccess(missionId, "", MissionRole.Admin)];
        Current = Memberships[0];
        VisibleMissionIds = [missionId];
    }

    /// <summary>True when the user holds one of <paramref name="roles"/> in that mission (Admin always qualifies).</summary>
    public bool Can(Guid missionId, params MissionRole[] roles) =>
        Memberships.Any(m => m.MissionId == missionId && (m.Role == MissionRole.Admin || roles.Contains(m.Role)));

    /// <summary>True when the user holds one of <paramref name="roles"/> in any mission they can see.</summary>
    public bool CanAnywhere(params MissionRole[] roles) =>
        VisibleMissionIds.Any(id => Can(id, roles));

    /// <summary>
    /// The mission a new record goes to: the one asked for if the user may act there with one of the roles,
    /// else the current one. Null when the user may not create it anywhere they asked.
    /// </summary>
    public Guid? TargetMission(Guid? requested, params MissionRole[] roles)
    {
        var id = requested ?? Current?.MissionId;
        return id is { } m && Can(m, roles) ? m : null;
    }
}
