using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>
/// Publishes approved items when their time comes; every app server runs one. Each item is published by one
/// conditional update (still scheduled, and due), so when several servers look at once exactly one of them
/// publishes it and writes the audit entry; the others find nothing left to do.
/// </summary>
public sealed partial class NewsScheduler(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<NewsScheduler> logger) : BackgroundService
{
    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("News:ScheduleCheckSeconds", 15), 1, 3600));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("News:RunScheduler", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Publishes what is due; returns the ids this server published.</summary>
    public async Task<IReadOnlyList<Guid>> PublishDueAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<MissionScope>().EnterSystem();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var now = clock.GetUtcNow();
        // Every mission's items: the system scope writes anywhere but reads through the filter only what it names.
        var due = await db.NewsItems.IgnoreQueryFilters().Where(n => n.State == NewsState.Scheduled && n.PublishAt <= now)
            .Select(n => new { n.Id, n.MissionId, n.PublishAt }).ToListAsync(ct);
        var mine = new List<Guid>();
        foreach (var item in due)
        {
            var at = item.PublishAt ?? now;
            // Still scheduled and still due: sent back and approved for later since the read, it waits. The version
            // moves on, so an edit saved from what was read before fails rather than undoing the publication.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var won = await db.NewsItems.IgnoreQueryFilters().Where(n => n.Id == item.Id && n.State == NewsState.Scheduled && n.PublishAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NewsState.Published)
                    .SetProperty(n => n.PublishedAt, n => n.PublishedAt ?? at)
                    .SetProperty(n => n.UpdatedAt, at)
                    .SetProperty(n => n.PublishAt, (DateTimeOffset?)null)
                    .SetProperty(n => n.PreviewToken, (string?)null)
                    .SetProperty(n => n.Editors, new List<Guid>())
                    .SetProperty(n => n.Version, n => n.Version + 1), ct);
            if (won == 1)
            {
                AuditEvents.Add(db, item.MissionId, "NewsPublishedOnSchedule", nameof(NewsItem), item.Id.ToString(), clock,
                    System.Text.Json.JsonSerializer.Serialize(new { publishAt = at }));
                await db.SaveChangesAsync(ct);
                mine.Add(item.Id);
            }
            await transaction.CommitAsync(ct);
        }
        if (mine.Count > 0)
        {
            scope.ServiceProvider.GetRequiredService<NewsCache>().Forget();
        }
        return mine;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled news publishing failed; trying again at the next check.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
