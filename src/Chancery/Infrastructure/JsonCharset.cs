namespace Chancery.Infrastructure;

/// <summary>
/// JSON is UTF-8 (RFC 8259): an API request declaring another charset is a 415 that says so, before the framework
/// tries to read it (an unknown charset would otherwise fail the server, not the request).
/// </summary>
internal static class JsonCharset
{
    public static IApplicationBuilder UseJsonCharset(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset is { Length: > 0 } charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException($"Send JSON in UTF-8; '{charset}' is not read here.", StatusCodes.Status415UnsupportedMediaType);
        }
        await next(context);
    });
}
