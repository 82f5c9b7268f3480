using System.Threading.RateLimiting;

namespace Chancery.Infrastructure;

/// <summary>Slows password guessing across accounts; per-account lockout is Identity's job.</summary>
public static class RateLimits
{
    /// <summary>Bound from the <c>Security</c> section, checked when the app starts.</summary>
    public sealed class Options
    {
        public const string Section = "Security";

        /// <summary>Sign-in attempts one address may make a minute, across accounts.</summary>
        [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "Security:SignInAttemptsPerMinute must be between 1 and 1,000,000.")]
        public int SignInAttemptsPerMinute { get; set; } = 30;

        /// <summary>Reply-page requests one address may make a minute.</summary>
        [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "Security:RsvpRequestsPerMinute must be between 1 and 1,000,000.")]
        public int RsvpRequestsPerMinute { get; set; } = 60;
    }

    public const string SignIn = "sign-in";
    /// <summary>The guests' reply pages: enough for a household on one connection, far too few to guess a link.</summary>
    public const string Rsvp = "rsvp";

    public static IServiceCollection AddChanceryRateLimits(this IServiceCollection services)
    {
        services.AddOptions<Options>().BindConfiguration(Options.Section).ValidateDataAnnotations().ValidateOnStart();
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
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(context).RsvpRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(context).SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    private static Options Limits(HttpContext context) => context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options>>().Value;
}
