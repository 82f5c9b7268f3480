using System.Security.Claims;
using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chancery.Infrastructure;

/// <summary>
/// Ends a session the moment it should end: a cookie or bearer token whose security stamp is no longer the user's
/// (the password changed, a role changed, the person was disabled), or an access token of a token chain that was
/// ended, authenticates nobody — the API answers 401, a page sends the person to sign in. Runs after every
/// successful authentication, for both schemes, and reads the user from <see cref="MembershipCache"/>: no query on
/// the request path while the entry is fresh.
/// </summary>
internal sealed class CurrentSessions(MembershipCache cache, IServiceProvider services, IOptions<IdentityOptions> identity) : IClaimsTransformation
{
    public const string ChainClaim = "chancery:chain";
    public const string TokenClaim = "chancery:token";

    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }
        if (!cache.TryGet(userId, out var access))
        {
            access = await cache.AccessAsync(services.GetRequiredService<ChanceryDb>(), userId, CancellationToken.None);
        }
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (access.SecurityStamp is null || stamp != access.SecurityStamp)
        {
            return Nobody;
        }
        if (Guid.TryParse(principal.FindFirstValue(ChainClaim), out var chain) && access.EndedChains.Contains(chain))
        {
            return Nobody;
        }
        return principal;
    }
}

/// <summary>
/// A bearer token whose session ended still "authenticates" as far as the authorization middleware can tell (the
/// scheme read it; <see cref="CurrentSessions"/> emptied it), which would make a refusal a 403. Nobody is signed in,
/// so it is a challenge: 401 for the API, the sign-in page for pages.
/// </summary>
internal sealed class EndedSessionsChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        _default.HandleAsync(next, context, policy,
            authorizeResult.Forbidden && !context.User.Identities.Any(i => i.IsAuthenticated) ? PolicyAuthorizationResult.Challenge() : authorizeResult);
}
