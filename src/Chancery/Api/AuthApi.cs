using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Users;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chancery.Api;

/// <summary>
/// Bearer tokens for programs (door stations, scripts). Written here rather than with MapIdentityApi,
/// which would also publish /register: Chancery has no open registration.
/// </summary>
public static class AuthApi
{
    public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);
    public sealed record RefreshRequest([property: Required] string RefreshToken);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").AllowAnonymous().WithTags("Authentication");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(Infrastructure.RateLimits.SignIn)
            .WithSummary("Exchange an e-mail and password for a bearer token");
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(Infrastructure.RateLimits.SignIn)
            .WithSummary("Exchange a refresh token for a new bearer token");
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest login, SignInManager<ChanceryUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(login.Email ?? "", login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty; // the bearer handler has written the token response
        }
        return TypedResults.Problem(
            result.IsLockedOut ? "Too many failed attempts: this account is locked for a while." : "The e-mail or password is wrong.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    private static async Task<Results<EmptyHttpResult, UnauthorizedHttpResult, SignInHttpResult>> RefreshAsync(
        RefreshRequest refresh, SignInManager<ChanceryUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(refresh.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
