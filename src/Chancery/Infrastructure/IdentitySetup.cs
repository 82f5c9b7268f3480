using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Infrastructure;

internal static class IdentitySetup
{
    /// <summary>
    /// Who is signed in: the bearer token for <c>/api</c>, the sign-in cookie for everything else. Each request reads
    /// the one credential its part of the site takes — a cookie never signs anyone in to the API (no cross-site request
    /// can use the API on a browser's behalf), and the API policy needs no scheme of its own, which would read the
    /// token a second time after the middleware had tried the cookie for nothing.
    /// </summary>
    public const string SignedInScheme = "chancery";

    public static void ForwardBySiteArea(PolicySchemeOptions o) => o.ForwardDefaultSelector = context =>
        context.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    public static void Configure(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B).
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    public static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/access-denied";
        o.Cookie.Name = "chancery";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.SlidingExpiration = true;
    }

    /// <summary>
    /// Identity's look-up of names and e-mails, made safe for any text: a character no text may hold
    /// (<see cref="Domain.Contacts.Text.FirstUnfit"/>) cannot be normalised, and a sign-in typed with one would fail
    /// the server instead of the sign-in. It drops out, as from every line; no stored name or e-mail holds one.
    /// </summary>
    internal sealed class LookupNormalizer : ILookupNormalizer
    {
        public string? NormalizeName(string? name) => name is null ? null : Domain.Contacts.Text.Fit(name).Normalize().ToUpperInvariant();

        public string? NormalizeEmail(string? email) => NormalizeName(email);
    }
}
