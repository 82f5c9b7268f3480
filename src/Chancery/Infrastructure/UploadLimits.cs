using Chancery.Domain.Contacts.Import;
using Microsoft.AspNetCore.Http.Features;

namespace Chancery.Infrastructure;

/// <summary>
/// The import takes files up to <see cref="ImportLimits.MaxFileBytes"/>; the server's own limit on a request body
/// (Kestrel's 30 MB) knows nothing of that. For the import's two addresses the server's limit becomes the import's,
/// with a margin for the form around the file, so a file the import would refuse with its own message is read and
/// refused with it, and one past even that is refused before a byte is read — with the same words: a problem for
/// the API, the error page (and a way back to the import) for a browser.
/// </summary>
internal static class UploadLimits
{
    /// <summary>The multipart form's boundaries, headers and antiforgery field around the file: a few hundred bytes.</summary>
    public const long FormMargin = 64 * 1024;

    /// <summary>The largest refused upload still taken in so that the browser shows why it was refused.</summary>
    public const long DrainLimit = 200L * 1024 * 1024;

    private static readonly PathString[] Imports = ["/api/contacts/import", "/staff/contacts/import"];

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && Imports.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            var limits = context.RequestServices.GetRequiredService<ImportLimits>();
            var max = limits.MaxFileBytes + FormMargin;
            if (context.Request.ContentLength is { } length && length > max)
            {
                // A browser reads the answer only once it has sent the file: the server takes the rest of it in (and
                // drops it) after answering, so the person sees the message, not a reset connection. Up to a bound:
                // past it the connection is simply closed.
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } drain)
                {
                    drain.MaxRequestBodySize = Math.Min(length, DrainLimit);
                }
                throw new BadHttpRequestException(limits.TooLarge(length), StatusCodes.Status413PayloadTooLarge);
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = max;
            }
        }
        await next(context);
    });
}
