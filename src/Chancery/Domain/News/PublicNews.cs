using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>
/// What a reader may see of a mission's news: published items, and withdrawn ones at their address with their
/// notice. Read in the mission's public scope (<see cref="Infrastructure.PublicMissionScope"/>), so another
/// mission's items are not there. Dates are shown on the mission's clock.
/// </summary>
public sealed class PublicNews(ChanceryDb db, NewsPhotos photos)
{
    public const int PageSize = 20;

    public sealed record Version(string Language, string Slug, bool IsPrimary, string Title);

    public sealed record Article(NewsItem Item, Mission Mission, IReadOnlyList<Version> Versions, IReadOnlyList<NewsChangeNote> Changes, string Html,
        IReadOnlyList<ShownPhoto> Photos)
    {
        public ShownPhoto? Lead => Photos.FirstOrDefault(p => p.Photo.IsLead);

        public DateTime PublishedLocal => Local(Item.PublishedAt ?? Item.UpdatedAt, Mission);
        public DateTime UpdatedLocal => Local(Item.UpdatedAt, Mission);
    }

    public sealed record Entry(NewsItem Item, IReadOnlyList<Version> Versions, string Summary, ShownPhoto? Lead = null);

    public static DateTime Local(DateTimeOffset at, Mission mission) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(mission.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone).DateTime : at.UtcDateTime;

    public Task<Mission?> MissionAsync(CancellationToken ct) => db.Missions.AsNoTracking().SingleOrDefaultAsync(ct);

    /// <summary>
    /// Each story once, newest first: its version in <paramref name="language"/> where there is one, else its primary.
    /// Withdrawn items leave the list (their address stays).
    /// </summary>
    public async Task<(IReadOnlyList<Entry> Entries, bool More)> ListAsync(string? language, int page, CancellationToken ct)
    {
        var published = await db.NewsItems.AsNoTracking().Where(n => n.State == NewsState.Published)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).ToListAsync(ct);
        var stories = published.GroupBy(n => n.StoryId)
            .Select(g => g.FirstOrDefault(n => language is not null && n.Language == language) ?? g.FirstOrDefault(n => n.IsPrimary) ?? g.First())
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .ToList();
        var pageItems = stories.Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToList();
        var versions = published.ToLookup(n => n.StoryId);
        var entries = new List<Entry>();
        foreach (var n in pageItems)
        {
            var lead = (await photos.OfStoryAsync(n.StoryId, n.Language, ct)).FirstOrDefault(p => p.Photo.IsLead);
            entries.Add(new Entry(n, Versions(versions[n.StoryId]), NewsMarkdown.Summary(n.Body), lead));
        }
        return (entries, stories.Count > page * PageSize);
    }

    /// <summary>The newest published versions, every language, for the feeds and the embeddable list.</summary>
    public async Task<IReadOnlyList<Entry>> LatestAsync(int count, CancellationToken ct, string? language = null)
    {
        var items = await db.NewsItems.AsNoTracking().Where(n => n.State == NewsState.Published && (language == null || n.Language == language))
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(count).ToListAsync(ct);
        var entries = new List<Entry>();
        foreach (var n in items)
        {
            entries.Add(new Entry(n, [], NewsMarkdown.Summary(n.Body), (await photos.OfStoryAsync(n.StoryId, n.Language, ct)).FirstOrDefault(p => p.Photo.IsLead)));
        }
        return entries;
    }

    /// <summary>A public item by its address, with its other published versions and its change notes; null if there is none.</summary>
    public async Task<Article?> ArticleAsync(string slug, CancellationToken ct)
    {
        var item = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug && (n.State == NewsState.Published || n.State == NewsState.Withdrawn), ct);
        return item is null ? null : await ArticleOfAsync(item, ct);
    }

    /// <summary>Any item, public or not, by its preview secret: what its author wants someone outside to read before it is out.</summary>
    public async Task<Article?> PreviewAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 64)
        {
            return null;
        }
        // Never a public item's (its link was dropped when it went out; this holds for links made before that rule).
        var item = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(n => n.PreviewToken == token && n.State != NewsState.Published && n.State != NewsState.Withdrawn, ct);
        return item is null ? null : await ArticleOfAsync(item, ct);
    }

    private async Task<Article?> ArticleOfAsync(NewsItem item, CancellationToken ct)
    {
        var mission = await MissionAsync(ct);
        if (mission is null)
        {
            return null;
        }
        var siblings = await db.NewsItems.AsNoTracking().Where(n => n.StoryId == item.StoryId && n.State == NewsState.Published).ToListAsync(ct);
        var changes = await db.NewsChangeNotes.AsNoTracking().Where(c => c.NewsItemId == item.Id).OrderByDescending(c => c.At).ToListAsync(ct);
        return new Article(item, mission, Versions(siblings), changes, NewsMarkdown.Html(item.Body), await photos.OfStoryAsync(item.StoryId, item.Language, ct));
    }

    private static List<Version> Versions(IEnumerable<NewsItem> items) =>
        [.. items.OrderByDescending(n => n.IsPrimary).ThenBy(n => n.Language, StringComparer.Ordinal).Select(n => new Version(n.Language, n.Slug, n.IsPrimary, n.Title))];
}
