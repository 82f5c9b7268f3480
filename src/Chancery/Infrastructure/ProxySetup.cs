using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Chancery.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy the app sees the proxy's address and plain HTTP. It believes
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the proxies named in configuration
/// (<c>Proxy:KnownProxies</c> addresses, <c>Proxy:KnownNetworks</c> CIDR ranges) and loopback, so a
/// client cannot claim another address to escape the sign-in rate limit.
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddChanceryForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
        var networks = (configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray();
        var bad = proxies.Where(p => !IPAddress.TryParse(p, out _)).Concat(networks.Where(n => !IPNetwork.TryParse(n, out _))).ToList();
        if (bad.Count > 0)
        {
            throw new InvalidOperationException($"Proxy:KnownProxies and Proxy:KnownNetworks take addresses and CIDR ranges; not: {string.Join(", ", bad)}.");
        }
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy hop: the address the trusted proxy saw is the client.
            o.ForwardLimit = 1;
            foreach (var p in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(p));
            }
            foreach (var n in networks)
            {
                o.KnownIPNetworks.Add(IPNetwork.Parse(n));
            }
        });
    }
}
