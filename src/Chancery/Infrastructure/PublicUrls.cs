namespace Chancery.Infrastructure;

/// <summary>Builds absolute links for e-mails: <c>PublicBaseUrl</c> when configured, else the request's origin.</summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public string BaseUrl
    {
        get
        {
            var configured = configuration["PublicBaseUrl"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Set PublicBaseUrl to build links outside a request.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    /// <summary>
    /// Whether a mission's guests can be sent links from where there is no request (the outbox worker): its own
    /// host name, or <c>PublicBaseUrl</c>.
    /// </summary>
    public bool CanLinkOutsideRequests(string? missionHostName) => missionHostName is not null || !string.IsNullOrWhiteSpace(configuration["PublicBaseUrl"]);

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
