using Microsoft.AspNetCore.OutputCaching;

namespace Chancery.Domain.News;

/// <summary>
/// The public news pages and feeds, and the published exhibitions, are kept ready in this server's output cache for a minute: they change rarely
/// and are read by everyone. A change made here empties it at once; another app server's copy ages out within the
/// minute (<see cref="Lifetime"/>), which is how quickly a publication reaches every server.
/// </summary>
public sealed class NewsCache(IOutputCacheStore store)
{
    public const string Policy = "news";
    public const string Tag = "news";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public void Forget() => _ = store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();

    public static void AddPolicy(OutputCacheOptions o) => o.AddPolicy(Policy, p => p
        .Expire(Lifetime)
        .Tag(Tag)
        .SetVaryByQuery("lang", "p", "count", "paper", "seconds")
        // The same page is written for /news on a mission's own host and for /m/{slug}/news: its links differ.
        .VaryByValue(http => new KeyValuePair<string, string>("root", http.Features.Get<Infrastructure.PublicAddresses.Root>()?.Prefix ?? "")));
}
