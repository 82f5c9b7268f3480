namespace Chancery.Infrastructure;

/// <summary>Headers every response carries. Scripts come only from our own origin: no inline script anywhere.</summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (Scalar) configures itself with an inline script and inline styles; it shows
    // no mission data, so it alone gets them.
    private const string ApiReferenceCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // An e-mail previewed as a mail client shows it: its styles are inline (mail clients drop style sheets), its QR
    // image a data: URI. Nothing else may load or run, and no form can post from it.
    private const string MailPreviewCsp =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly object PolicyKey = new();

    /// <summary>This response is an e-mail shown for preview: inline styles, no script, nothing fetched.</summary>
    public static void UseMailPreviewPolicy(HttpContext context) => context.Items[PolicyKey] = MailPreviewCsp;

    private static readonly PathString[] Personal = ["/api", "/staff", "/account", "/rsvp"];

    private static bool IsPersonal(PathString path) => Personal.Any(p => path.StartsWithSegments(p));

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = context.Items[PolicyKey] as string ?? (context.Request.Path.StartsWithSegments("/scalar") ? ApiReferenceCsp : Csp);
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            // People's names, exports, personal-data downloads and tokens must not stay in a browser's or a proxy's
            // cache after the person signs out: nothing for signed-in use is stored. Static files and the public
            // pages are not personal and keep their caching.
            if (IsPersonal(context.Request.Path))
            {
                h.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
