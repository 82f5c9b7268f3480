using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Chancery.Infrastructure;

/// <summary>
/// What an /api request that no endpoint took gets. Routing prefers this catch-all over its own 415 when an
/// endpoint's path and method match but its content type does not, so that case is told apart here: a 415 that
/// names the content types the endpoint takes, else a plain 404 problem (never a sign-in redirect).
/// </summary>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext http, EndpointDataSource endpoints)
    {
        var method = http.Request.Method;
        var sent = http.Request.ContentType is { } type ? type.Split(';')[0].Trim() : null;
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
                && !accepts.ContentTypes.Contains(sent ?? "", StringComparer.OrdinalIgnoreCase)
                && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains(method)
                && new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(http.Request.Path, []))
            {
                return TypedResults.Problem(
                    $"This endpoint takes {string.Join(" or ", accepts.ContentTypes)}; the request sent {http.Request.ContentType ?? "no content type"}.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");
            }
        }
        return TypedResults.Problem("There is no such endpoint.", statusCode: StatusCodes.Status404NotFound);
    }
}
