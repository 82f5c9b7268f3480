using Chancery.Domain.Missions;
using Microsoft.Extensions.Options;

namespace Chancery.Infrastructure;

/// <summary>The installation's public address, bound from the root key <c>PublicBaseUrl</c> and checked at start.</summary>
public sealed class SiteOptions
{
    /// <summary>Where people reach this installation (https://events.ministry.example); links in e-mail start here.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether <paramref name="host"/> is this installation's own (<c>PublicBaseUrl</c>'s): no mission may take it.</summary>
    public bool IsInstallationHost(string host) =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var site) && string.Equals(site.Host, host, StringComparison.OrdinalIgnoreCase);

    public static void Add(IServiceCollection services) =>
        services.AddOptions<SiteOptions>().Configure<IConfiguration>((o, c) => o.PublicBaseUrl = string.IsNullOrWhiteSpace(c["PublicBaseUrl"]) ? null : c["PublicBaseUrl"]!.Trim())
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Query.Length == 0,
                "PublicBaseUrl must be an absolute http or https address without a query, such as https://events.ministry.example.")
            .ValidateOnStart();
}

/// <summary>
/// Every absolute link Chancery makes, from one place: e-mail links (<c>PublicBaseUrl</c> when set, else the
/// request's origin), a mission's public site and reply links (its own host name, always HTTPS, else this
/// installation's address), and the public page being answered (this request's origin and mission prefix).
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> options, IHttpContextAccessor http)
{
    private string? Configured => options.Value.PublicBaseUrl?.TrimEnd('/');

    /// <summary>This installation's address: <c>PublicBaseUrl</c>, else the request's origin.</summary>
    public string BaseUrl => Configured ?? (http.HttpContext?.Request is { } request
        ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : throw new InvalidOperationException("Set PublicBaseUrl to build links outside a request."));

    /// <summary>
    /// Whether a mission's guests can be sent links from where there is no request (the outbox worker): its own
    /// host name, or <c>PublicBaseUrl</c>.
    /// </summary>
    public bool CanLinkOutsideRequests(string? missionHostName) => missionHostName is not null || Configured is not null;

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Where a mission's guests' links start (a reply page needs no slug: its token names the mission).</summary>
    public string LinksOf(Mission mission) => mission.HostName is { } host ? $"https://{host}" : BaseUrl;

    /// <summary>Where a mission's public pages start, for links made anywhere else: its own host name, else /m/{slug} here.</summary>
    public string SiteOf(Mission mission) => mission.HostName is { } host ? $"https://{host}" : $"{BaseUrl}/m/{mission.Slug}";

    /// <summary>The public site this request is answering: its origin, and /m/{slug} unless it came in on the mission's own host.</summary>
    public string Here() => Origin() + http.HttpContext!.Features.Get<PublicAddresses.Root>()?.Prefix;

    /// <summary>This request's own origin, for absolute links a public page gives other sites (canonical, og:url).</summary>
    public string Origin()
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Only a request has an origin.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
