using Chancery.Domain.Missions;
using Chancery.Domain.Press;

namespace Chancery.Pages.Public.Exhibitions;

/// <summary>The pictures of a published exhibition's clippings, at its own address; nothing else of the archive is public.</summary>
public static class ExhibitionEndpoints
{
    public static void MapPublicExhibitions(this IEndpointRouteBuilder app) =>
        app.MapGet("/m/{slug}/exhibitions/{exhibition}/clippings/{articleId:guid}/{size}.jpg", async (string exhibition, Guid articleId, string size,
            Domain.Press.Exhibitions exhibitions, Clippings clippings, MissionScope scope, HttpContext http, CancellationToken ct) =>
        {
            var article = scope.Kind == ScopeKind.Public ? await exhibitions.PublishedArticleAsync(exhibition, articleId, ct) : null;
            if (article is null || !article.HasPicture || clippings.Open(article, size) is not { } file)
            {
                return Results.NotFound();
            }
            // An hour, as news photos: an exhibition taken down leaves caches soon after.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(file, "image/jpeg");
        }).AllowAnonymous().ExcludeFromDescription();
}
