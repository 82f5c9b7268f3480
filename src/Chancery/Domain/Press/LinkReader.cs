using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using AngleSharp.Html.Parser;

namespace Chancery.Domain.Press;

/// <summary>What a page says about itself: the fields of an article to check before saving.</summary>
public sealed record LinkFields(string Url, string? Title, string? Outlet, DateOnly? PublishedOn, string? Language, string? Author, string? Summary,
    string? ImageUrl, string? TextCopy);

/// <summary>
/// Reads an article's page from its link, for a person to check (issue 15: "add by pasting a link"). The fetch is
/// bounded — at most <c>Press:FetchTimeoutSeconds</c> (10), <see cref="MaxBytes"/> and <see cref="MaxRedirects"/> redirects, each
/// checked — and refuses every special-purpose address and the server's own (every address a name resolves to, at the moment
/// of connecting, so a name cannot be re-pointed after the check), unless <c>Press:AllowPrivateAddresses</c> is set for
/// tests. Only HTML is read, by a parser: nothing fetched is ever run.
/// </summary>
public sealed class LinkReader : IDisposable
{
    public const int MaxBytes = 3 * 1024 * 1024;
    public const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public LinkReader(Microsoft.Extensions.Options.IOptions<PressOptions> options)
    {
        _timeout = TimeSpan.FromSeconds(options.Value.FetchTimeoutSeconds);
        var allowPrivate = options.Value.AllowPrivateAddresses;
        var handler = new SocketsHttpHandler
        {
            // Straight to the article's address: through a proxy (HTTP_PROXY…) the check below would see the proxy, and
            // the proxy would reach what it was asked for, internal names included.
            UseProxy = false,
            AllowAutoRedirect = false, // each hop is checked here
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _timeout,
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                // Read at each connection: an interface's address can change while the server runs.
                var own = allowPrivate ? [] : OwnAddresses();
                var allowed = addresses.Where(a => allowPrivate || (IsPublic(a) && !IsOwn(a, own))).ToArray();
                if (allowed.Length == 0)
                {
                    throw new LinkRefusedException($"{context.DnsEndPoint.Host} is a private, local or special-purpose address, or this server's own; Chancery reads only public pages.");
                }
                // Web ports only: not a scanner of the server's neighbours' other services.
                if (!allowPrivate && context.DnsEndPoint.Port is not (80 or 443))
                {
                    throw new LinkRefusedException($"Chancery reads pages on the web's ports (80 and 443), not port {context.DnsEndPoint.Port}.");
                }
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxBytes };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Chancery/1.0 (press archive; +https://github.com/)");
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    // The IANA special-purpose address registries, whole (iana.org/assignments/iana-ipv4-special-registry and
    // iana-ipv6-special-registry, as of 2026), with multicast and the limited broadcast: private, shared, loopback,
    // link-local, documentation, benchmarking, relay, discard and protocol ranges alike — none is a newspaper's page,
    // and several reach what only the server's own network should (docs/press.md lists them).
    private static readonly IPNetwork[] SpecialV4 = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
        "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
    }.Select(IPNetwork.Parse)];

    // IPv6: only global unicast (2000::/3) is read at all, less the registry's ranges within it. The IPv4-mapped form
    // and NAT64's well-known prefix (64:ff9b::/96) carry an IPv4 address and are judged by it; the rest of the registry
    // outside 2000::/3 (::1, ::, 64:ff9b:1::/48, 100::/64, 100:0:0:1::/64, fc00::/7, fe80::/10, ff00::/8, …) is refused
    // by the first rule.
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork[] SpecialV6 = [.. new[]
    {
        "2001::/23", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16",
    }.Select(IPNetwork.Parse)];

    /// <summary>
    /// An address a link may reach: in no range of the IANA special-purpose registries (IPv4 and IPv6), not multicast;
    /// an IPv6 address carrying an IPv4 one (mapped, NAT64) judged by that one.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !SpecialV4.Any(n => n.Contains(address));
        }
        if (Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(address.GetAddressBytes().AsSpan(12, 4)));
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6 && GlobalUnicast.Contains(address) && !SpecialV6.Any(n => n.Contains(address));
    }

    /// <summary>
    /// An address of this machine's own interfaces (a public one too): a page the server serves only to itself —
    /// a proxy's status page, a service bound to its public address — is not for a link to read.
    /// </summary>
    public static bool IsOwn(IPAddress address, IEnumerable<IPAddress> own)
    {
        // By the address alone: mapped IPv4 as IPv4, an IPv6 interface's scope (fe80::1%eth0) set aside.
        static byte[] Bytes(IPAddress a) => (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).GetAddressBytes();
        var seen = Bytes(address);
        return own.Any(a => Bytes(a).AsSpan().SequenceEqual(seen));
    }

    private static IPAddress[] OwnAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }

    // How many pages the whole server reads at once, however many people paste links at the same time.
    private readonly SemaphoreSlim _gate = new(4);

    public async Task<LinkFields> ReadAsync(string? link, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await ReadOneAsync(link, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<LinkFields> ReadOneAsync(string? link, CancellationToken ct)
    {
        if (!Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new DomainException("Paste the article's address, starting with https:// or http://.", "Url");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new DomainException($"The page sent the reader on more than {MaxRedirects} times; paste the address it ends at.", "Url");
                    }
                    url = next.IsAbsoluteUri ? next : new Uri(url, next);
                    if (url.Scheme is not ("http" or "https"))
                    {
                        throw new DomainException("The page sent the reader to an address that is not a web page.", "Url");
                    }
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new DomainException($"The page answered {(int)response.StatusCode} {response.ReasonPhrase}; check the address.", "Url");
                }
                var type = response.Content.Headers.ContentType?.MediaType;
                if (type is not ("text/html" or "application/xhtml+xml"))
                {
                    throw new DomainException($"The address gives {type ?? "no content type"}, not a web page: add the article by hand and upload the clipping.", "Url");
                }
                if (response.Content.Headers.ContentLength > MaxBytes)
                {
                    throw TooLarge();
                }
                var (bytes, charset) = await ReadBoundedAsync(response, timeout.Token);
                return Parse(url, bytes, charset);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new DomainException($"The page did not answer within {_timeout.TotalSeconds:0} seconds; try again, or add the article by hand.", "Url");
        }
        catch (HttpRequestException e) when (e.InnerException is LinkRefusedException refused)
        {
            throw new DomainException(refused.Message, "Url");
        }
        catch (HttpRequestException e)
        {
            throw new DomainException($"The page could not be reached ({e.HttpRequestError}); check the address.", "Url");
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // Cut short, or compressed wrongly, on its way.
            throw new DomainException("The page could not be read to its end; try again, or add the article by hand.", "Url");
        }
    }

    private static DomainException TooLarge() => new($"The page is larger than {MaxBytes / (1024 * 1024)} MB; add the article by hand.", "Url");

    private static async Task<(byte[] Bytes, string? Charset)> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (content.Length + read > MaxBytes)
            {
                throw TooLarge();
            }
            content.Write(buffer, 0, read);
        }
        return (content.ToArray(), response.Content.Headers.ContentType?.CharSet?.Trim('"'));
    }

    /// <summary>The article's fields from its bytes: in the charset the server named, else the one the page declares (GBK, Big5, Shift_JIS, windows-1256…), else UTF-8.</summary>
    public static LinkFields Parse(Uri url, byte[] bytes, string? charset)
    {
        System.Text.Encoding? named = null;
        try
        {
            named = string.IsNullOrWhiteSpace(charset) ? null : System.Text.Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
        }
        if (named is not null)
        {
            return Parse(url, named.GetString(bytes));
        }
        // AngleSharp reads the page's own <meta charset> before it decodes.
        using var stream = new MemoryStream(bytes);
        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(stream);
        return Parse(url, document.DocumentElement.OuterHtml);
    }

    /// <summary>The article's fields from its Open Graph and article metadata, its <c>lang</c> and its text.</summary>
    public static LinkFields Parse(Uri url, string html)
    {
        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        string? Meta(params string[] names)
        {
            foreach (var name in names)
            {
                var element = document.QuerySelector($"meta[property='{name}']") ?? document.QuerySelector($"meta[name='{name}']");
                if (Clean(element?.GetAttribute("content")) is { } value)
                {
                    return value;
                }
            }
            return null;
        }
        var title = Meta("og:title", "twitter:title") ?? Clean(document.Title);
        var published = Meta("article:published_time", "og:published_time", "date", "pubdate", "DC.date.issued");
        DateOnly? day = published is not null && DateTimeOffset.TryParse(published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.DateTime) : null; // the date as the paper printed it, in its own time zone
        var language = Clean(document.DocumentElement.GetAttribute("lang")) ?? Meta("og:locale")?.Replace('_', '-');
        var image = Meta("og:image", "twitter:image");
        foreach (var gone in document.QuerySelectorAll("script, style, noscript, template, nav, header, footer, aside, form").ToList())
        {
            gone.Remove();
        }
        var article = document.QuerySelector("article") ?? document.Body;
        var text = Clean(System.Text.RegularExpressions.Regex.Replace(article?.TextContent ?? "", @"[ \t\r\f\v]*\n\s*", "\n\n"));
        return new LinkFields(url.ToString(), Cut(title, PressRules.TitleLength), Cut(Meta("og:site_name", "application-name") ?? url.Host, PressRules.ShortText), day,
            Cut(language, 40), Cut(Meta("author", "article:author", "byl"), PressRules.ShortText), Cut(Meta("og:description", "description", "twitter:description"), PressRules.SummaryLength),
            image is not null && Uri.TryCreate(url, image, out var imageUrl) && imageUrl.Scheme is "http" or "https" ? imageUrl.ToString() : null,
            Cut(text, PressRules.TextCopyLength));
    }

    private static string? Clean(string? s) => Contacts.Text.Clean(s is null ? null : System.Text.RegularExpressions.Regex.Replace(s, @"[ \t]+", " "));

    private static string? Cut(string? s, int max) => s is null ? null : Contacts.Text.Truncate(s, max);
}

/// <summary>An address the link reader will not connect to.</summary>
public sealed class LinkRefusedException(string message) : IOException(message);
