using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Pages.Public.News;

/// <summary>
/// API.md's public feeds, no sign-in: <c>/news/feed.atom</c>, <c>/news/feed.json</c> (JSON Feed 1.1), and
/// <c>/news/embed.js</c> for the mission's own website. Under <c>/m/{slug}</c>, or at the root of the mission's host.
/// </summary>
public static class NewsEndpoints
{
    private const int FeedSize = 30;

    /// <summary>The absolute address of the mission's news on this request's host.</summary>
    public static string Root(HttpContext http) => http.RequestServices.GetRequiredService<PublicUrls>().Here() + "/news";

    public static void MapPublicNews(this IEndpointRouteBuilder app)
    {
        MapPhotos(app);
        var news = app.MapGroup("/m/{slug}/news").AllowAnonymous().CacheOutput(NewsCache.Policy).ExcludeFromDescription();
        news.MapGet("/feed.atom", async (HttpContext http, PublicNews reader, MissionScope scope, TimeProvider clock, CancellationToken ct) =>
            await MissionAsync(reader, scope, ct) is { } mission
                ? Results.Bytes(NewsFeeds.Atom(mission, await reader.LatestAsync(FeedSize, ct), Root(http), clock.GetUtcNow()), "application/atom+xml; charset=utf-8")
                : Results.NotFound());
        news.MapGet("/feed.json", async (HttpContext http, PublicNews reader, MissionScope scope, CancellationToken ct) =>
        {
            if (await MissionAsync(reader, scope, ct) is not { } mission)
            {
                return Results.NotFound();
            }
            // Public data meant for other sites' pages to read.
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Bytes(NewsFeeds.JsonFeedOf(mission, await reader.LatestAsync(FeedSize, ct), Root(http)), "application/feed+json; charset=utf-8");
        });
        news.MapGet("/embed.js", async (HttpContext http, PublicNews reader, MissionScope scope, int? count, string? lang, CancellationToken ct) =>
            await MissionAsync(reader, scope, ct) is { } mission
                ? Results.Text(NewsFeeds.EmbedScript(mission, await reader.LatestAsync(Math.Clamp(count ?? 5, 1, 20), ct, lang), Root(http)), "text/javascript; charset=utf-8")
                : Results.NotFound());
    }

    // A photo is public once its story is; a preview link shows its own story's photos. Never in the output cache
    // (files, and already cheap to send); browsers keep them a day.
    private static void MapPhotos(IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/m/{slug}/news").AllowAnonymous().ExcludeFromDescription();
        photos.MapGet("/photos/{photoId:guid}/{size}.jpg", async (Guid photoId, string size, ChanceryDb db, NewsPhotos store, MissionScope scope, HttpContext http, CancellationToken ct) =>
        {
            var photo = scope.Kind != ScopeKind.Public ? null : await db.NewsPhotos.AsNoTracking()
                .FirstOrDefaultAsync(p => p.Id == photoId && db.NewsItems.Any(n => n.StoryId == p.StoryId && n.State == NewsState.Published), ct);
            if (photo is null || store.Open(photo, size) is not { } file)
            {
                return Results.NotFound();
            }
            // An hour: a withdrawn story's photos leave browsers' and proxies' caches soon after it.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(file, "image/jpeg");
        });
        photos.MapGet("/preview/{token}/photos/{photoId:guid}/{size}.jpg", async (string token, Guid photoId, string size, PublicNews reader, ChanceryDb db, NewsPhotos store,
            MissionScope scope, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var article = scope.Kind == ScopeKind.Public ? await reader.PreviewAsync(token, ct) : null;
            var photo = article is null ? null : await db.NewsPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.StoryId == article.Item.StoryId, ct);
            return photo is not null && store.Open(photo, size) is { } file ? Results.Stream(file, "image/jpeg") : Results.NotFound();
        });
    }

    // Only in the public scope its address set: a made-up slug has no mission, and so no news.
    private static async Task<Mission?> MissionAsync(PublicNews reader, MissionScope scope, CancellationToken ct) =>
        scope.Kind == ScopeKind.Public ? await reader.MissionAsync(ct) : null;
}
