using System.Threading.RateLimiting;

namespace Chancery.Infrastructure;

/// <summary>Slows password guessing across accounts; per-account lockout is Identity's job.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    /// <summary>The guests' reply pages: enough for a household on one connection, far too few to guess a link.</summary>
    public const string Rsvp = "rsvp";

    public static IServiceCollection AddChanceryRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 30);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // When to come back: a program can wait exactly that long; a person sees the error page, which says so.
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts", Detail = $"Too many attempts from this address; try again in {Math.Ceiling(wait.TotalSeconds):N0} seconds." },
                    });
                }
            };
            o.AddPolicy(Rsvp, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Security:RsvpRequestsPerMinute", 60), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
