using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Users;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chancery.Api;

/// <summary>
/// Bearer tokens for programs (door stations, scripts). Written here rather than with MapIdentityApi,
/// which would also publish /register: Chancery has no open registration. Each sign-in starts a chain of refresh
/// tokens in which only the newest works (<see cref="TokenChain"/>).
/// </summary>
public static class AuthApi
{
    public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);
    public sealed record RefreshRequest([property: Required] string RefreshToken);

    /// <summary>
    /// One answer for a wrong password, an unknown address and a locked account, so that trying addresses tells an
    /// attacker nothing about which exist; it still tells a person who mistyped what can have happened.
    /// </summary>
    public const string SignInRefused = "The e-mail or password is wrong — or, after five wrong attempts, the account is locked for 15 minutes.";

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").AllowAnonymous().WithTags("Authentication");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(Infrastructure.RateLimits.SignIn)
            .WithSummary("Exchange an e-mail and password for a bearer token");
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(Infrastructure.RateLimits.SignIn)
            .WithSummary("Exchange a refresh token for a new bearer token (once: a refresh token used twice ends its chain)");
        return api;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest login, SignInManager<ChanceryUser> signIn, TokenChains chains, IOptionsMonitor<BearerTokenOptions> bearer)
    {
        if (await PasswordSignIn.CheckAsync(signIn, login.Email, login.Password) is not { } user)
        {
            return TypedResults.Problem(SignInRefused, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await chains.StartAsync(principal, user.Id, bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<UnauthorizedHttpResult, SignInHttpResult>> RefreshAsync(
        RefreshRequest refresh, SignInManager<ChanceryUser> signIn, TokenChains chains, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var ticket = options.RefreshTokenProtector.Unprotect(refresh.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (!await chains.AdvanceAsync(ticket.Principal, principal, options.RefreshTokenExpiration))
        {
            return TypedResults.Unauthorized();
        }
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
