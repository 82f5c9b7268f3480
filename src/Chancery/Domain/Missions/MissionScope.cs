using System.Security.Claims;
using Chancery.Data;

namespace Chancery.Domain.Missions;

/// <summary>One mission a signed-in user can act in, and their role there.</summary>
public sealed record MissionAccess(Guid MissionId, string MissionName, MissionRole Role);

/// <summary>Who a unit of work acts for; each kind is entered in one place.</summary>
public enum ScopeKind
{
    /// <summary>Nobody yet (an anonymous request, a job that has not said whose it is): sees and writes no mission's rows.</summary>
    Nobody,
    /// <summary>A signed-in member: the current mission in staff pages, all of theirs through the API (<see cref="Infrastructure.MissionRoleHandler"/>).</summary>
    Member,
    /// <summary>A guest on one mission's public pages, found by its address (<see cref="Infrastructure.PublicMissionScope"/>).</summary>
    Public,
    /// <summary>Background work for one mission (the outbox writing an invitation).</summary>
    Background,
    /// <summary>The application itself, across missions: first start and maintenance only.</summary>
    System,
}

/// <summary>
/// Who is asking and which missions they may see and change, for the length of one unit of work (a request, a
/// job). ChanceryDb's global query filter reads <see cref="VisibleMissionIds"/>, and <see cref="Data.SaveHooks"/>
/// refuses to save a row of any other mission, so a handler that forgets a check still cannot reach across.
/// </summary>
public sealed class MissionScope(MembershipCache? cache)
{
    /// <summary>No user and no mission: what a database context sees before a unit of work claims it.</summary>
    public static MissionScope Nobody => new(null) { IsLoaded = true };

    public ScopeKind Kind { get; private set; }

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

    /// <summary>
    /// Loads the user's active memberships. <paramref name="allMissions"/> is true for API calls. The database is
    /// asked for only when the cache has no fresh entry, so a request that needs none leases no context.
    /// </summary>
    public async Task LoadAsync(IServiceProvider services, ClaimsPrincipal principal, bool allMissions, Guid? preferredMission, CancellationToken ct = default)
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
        Kind = ScopeKind.Member;
        UserId = userId;
        UserName = principal.FindFirstValue(ClaimTypes.Name) ?? userId.ToString();

        var memberships = cache ?? throw new InvalidOperationException("This scope cannot load a user.");
        Memberships = memberships.TryGet(userId, out var access) ? access.Memberships
            : await memberships.GetAsync(services.GetRequiredService<ChanceryDb>(), userId, ct);

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
        Enter(ScopeKind.Background, "system");
        Memberships = [new MissionAccess(missionId, "", MissionRole.Admin)];
        Current = Memberships[0];
        VisibleMissionIds = [missionId];
    }

    /// <summary>
    /// A guest on one mission's public pages (RSVP, news): that mission's rows only, and no staff role in it.
    /// </summary>
    public void EnterPublic(Guid missionId)
    {
        Enter(ScopeKind.Public, "guest");
        VisibleMissionIds = [missionId];
    }

    /// <summary>The application itself (first start, maintenance): may write any mission's rows. Sees through <c>IgnoreQueryFilters</c> only.</summary>
    public void EnterSystem() => Enter(ScopeKind.System, "system");

    private void Enter(ScopeKind kind, string name)
    {
        if (IsLoaded)
        {
            throw new InvalidOperationException("This unit of work already has its scope.");
        }
        IsLoaded = true;
        Kind = kind;
        UserName = name;
    }

    /// <summary>Whether a row of <paramref name="missionId"/> may be saved in this unit of work.</summary>
    public bool CanWrite(Guid missionId) => Kind == ScopeKind.System || (Kind != ScopeKind.Nobody && VisibleMissionIds.Contains(missionId));

    /// <summary>
    /// The one way an endpoint or page fetches a record to act on: <paramref name="oneRecord"/> (already narrowed to
    /// the id, through the mission filter) must find it, else <see cref="DomainErrorKind.NotFound"/> — another
    /// mission's record is simply not there; and the caller must hold one of <paramref name="roles"/> in the
    /// record's own mission, else <see cref="DomainErrorKind.Forbidden"/>. No roles: any member may.
    /// </summary>
    public async Task<T> FindAsync<T>(IQueryable<T> oneRecord, string what, MissionRole[] roles, CancellationToken ct = default)
        where T : class, IMissionScoped =>
        Checked(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(oneRecord, ct), what, roles);

    /// <summary>The same, for a record read by a compiled query (<paramref name="lookup"/>, already through the mission filter).</summary>
    public async Task<T> FindAsync<T>(Task<T?> lookup, string what, MissionRole[] roles)
        where T : class, IMissionScoped =>
        Checked(await lookup, what, roles);

    /// <summary>
    /// The same, for a record found without the mission filter (a server-wide cache, as the door's
    /// <see cref="Door.DoorCodeBook"/>): a record of a mission the user cannot see is not there.
    /// </summary>
    public T Visible<T>(T found, string what, MissionRole[] roles)
        where T : class, IMissionScoped =>
        Checked(Kind == ScopeKind.System || VisibleMissionIds.Contains(found.MissionId) ? found : null, what, roles);

    private T Checked<T>(T? found, string what, MissionRole[] roles)
        where T : class, IMissionScoped
    {
        var record = found ?? throw DomainException.NotFound(what);
        if (roles.Length > 0 && Kind != ScopeKind.System && !Can(record.MissionId, roles))
        {
            throw new DomainException($"Your role in this {what}'s mission does not allow that.", kind: DomainErrorKind.Forbidden);
        }
        return record;
    }

    /// <summary>True when the user holds one of <paramref name="roles"/> in that mission (Admin always qualifies).</summary>
    public bool Can(Guid missionId, params MissionRole[] roles) =>
        Memberships.Any(m => m.MissionId == missionId && (m.Role == MissionRole.Admin || roles.Contains(m.Role)));

    /// <summary>True when the user holds one of <paramref name="roles"/> in any mission they can see.</summary>
    public bool CanAnywhere(params MissionRole[] roles) =>
        VisibleMissionIds.Any(id => Can(id, roles));

    /// <summary>The missions the user can see in which they hold one of <paramref name="roles"/>: what a list across missions may show.</summary>
    public List<Guid> MissionsWhere(params MissionRole[] roles) => [.. VisibleMissionIds.Where(id => Can(id, roles))];

    /// <summary>
    /// The mission a new record goes to: the one asked for if the user may act there with one of the roles,
    /// else the current one. Null when the user may not create it anywhere they asked.
    /// </summary>
    public Guid? TargetMission(Guid? requested, params MissionRole[] roles)
    {
        var id = requested ?? Current?.MissionId;
        return id is { } m && Can(m, roles) ? m : null;
    }

    /// <summary>The mission a new record goes to (<see cref="TargetMission"/>), or the refusal: the role does not allow it there.</summary>
    public Guid RequireTargetMission(Guid? requested, params MissionRole[] roles) =>
        TargetMission(requested, roles) ?? throw new DomainException("Your role does not allow that in this mission.", kind: DomainErrorKind.Forbidden);
}
