using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Infrastructure;

/// <summary>Policy names. Each one means "an active member of the mission in question, holding one of these roles".</summary>
public static class Policies
{
    /// <summary>Any active member, signed in through the bearer token (every /api endpoint).</summary>
    public const string Api = "api";
    public const string Admin = "admin";
    public const string Protocol = "protocol";
    public const string Press = "press";
    /// <summary>Protocol or Door: who may check guests in.</summary>
    public const string Door = "door";
    /// <summary>The event's figures after it: the protocol office, and the press office that writes it up.</summary>
    public const string Reports = "reports";
    /// <summary>The press archive (M8): kept by the press and protocol offices; the door reads nothing of it.</summary>
    public const string Coverage = "coverage";
    /// <summary>The directory (every contact's e-mail and phone): the protocol and press offices; the door, often temporary staff, only its event's guests.</summary>
    public const string Directory = "directory";

    public const string MissionCookie = "chancery-mission";

    /// <summary>The mission the staff pages were last switched to (the mission cookie), if any.</summary>
    public static Guid? PreferredMission(HttpRequest request) => Guid.TryParse(request.Cookies[MissionCookie], out var m) ? m : null;

    public static void AddChanceryPolicies(this AuthorizationBuilder auth)
    {
        var member = new MissionRoleRequirement([]);
        auth.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(member).Build());
        // The bearer token is what /api authenticates with by default (IdentitySetup.SignedInScheme).
        auth.AddPolicy(Api, p => p.RequireAuthenticatedUser().AddRequirements(member));
        auth.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement([MissionRole.Admin])));
        auth.AddPolicy(Protocol, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement([MissionRole.Protocol])));
        auth.AddPolicy(Press, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement([MissionRole.Press])));
        auth.AddPolicy(Door, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement([MissionRole.Protocol, MissionRole.Door])));
        auth.AddPolicy(Reports, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement([MissionRole.Protocol, MissionRole.Press])));
        auth.AddPolicy(Directory, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement(Domain.Contacts.ContactDirectory.Readers)));
        auth.AddPolicy(Coverage, p => p.RequireAuthenticatedUser().AddRequirements(new MissionRoleRequirement([MissionRole.Protocol, MissionRole.Press])));
    }
}

/// <summary>Met when the user is an active member (of the current mission in pages, of any mission through the API) holding one of the roles; Admin always qualifies.</summary>
public sealed class MissionRoleRequirement(MissionRole[] roles) : IAuthorizationRequirement
{
    public MissionRole[] Roles { get; } = roles;
}

/// <summary>
/// Loads the request's <see cref="MissionScope"/> from the authenticated user, then checks the requirement.
/// Loading here, rather than in middleware, means it sees the principal of the scheme the endpoint asked for.
/// </summary>
public sealed class MissionRoleHandler(IHttpContextAccessor accessor) : AuthorizationHandler<MissionRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MissionRoleRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (http is null || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var scope = http.RequestServices.GetRequiredService<MissionScope>();
        var isApi = http.Request.Path.StartsWithSegments("/api");
        await scope.LoadAsync(http.RequestServices, context.User, isApi, Policies.PreferredMission(http.Request), http.RequestAborted);

        var allowed = requirement.Roles.Length == 0
            ? scope.IsActiveMember
            : isApi ? scope.CanAnywhere(requirement.Roles) : scope.Current is { } c && scope.Can(c.MissionId, requirement.Roles);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
