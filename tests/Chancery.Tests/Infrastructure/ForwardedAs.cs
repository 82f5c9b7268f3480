namespace Chancery.Tests.Infrastructure;

/// <summary>
/// What a TLS-terminating proxy adds to every request it passes on, and the browser in front of it: that browser
/// speaks HTTPS to the proxy, so it sends back the cookies marked Secure, which a client speaking plain HTTP to the
/// app would keep to itself. The handler keeps the cookies (pass an inner handler with <c>UseCookies = false</c>).
/// </summary>
public sealed class ForwardedAs(string clientAddress, string scheme) : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await base.SendAsync(request, cancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (pair[1].Length == 0)
            {
                _cookies.Remove(pair[0]);
            }
            else
            {
                _cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }
}
