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
            // Pictures only: a PDF clipping's file is never public (its picture, found in it, is).
            var article = scope.Kind == ScopeKind.Public && Domain.News.NewsPhotos.Sizes.Any(s => s.Name == size) ? await exhibitions.PublishedArticleAsync(exhibition, articleId, ct) : null;
            if (article is null || !article.HasPicture || clippings.Open(article, size) is not { } file)
            {
                return Results.NotFound();
            }
            // Five minutes: an exhibition taken down leaves browsers' and proxies' caches soon after.
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Stream(file, "image/jpeg");
        }).AllowAnonymous().ExcludeFromDescription();
}
