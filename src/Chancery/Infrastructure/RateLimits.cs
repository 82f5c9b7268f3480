using System.Threading.RateLimiting;

namespace Chancery.Infrastructure;

/// <summary>Slows password guessing across accounts; per-account lockout is Identity's job.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddChanceryRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 30);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
