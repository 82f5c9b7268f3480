using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>
/// Publishes approved items when their time comes; every app server runs one. Publishing is the newsroom's
/// (<see cref="Newsroom.PublishDueAsync"/>: once across servers); this only looks, on a timer.
/// </summary>
public sealed partial class NewsScheduler(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NewsOptions> options, ILogger<NewsScheduler> logger) : BackgroundService
{
    private TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ScheduleCheckSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
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

    /// <summary>Publishes what is due (each through <see cref="Newsroom.PublishDueAsync"/>); returns the ids this server published.</summary>
    public async Task<IReadOnlyList<Guid>> PublishDueAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<MissionScope>().EnterSystem();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var newsroom = scope.ServiceProvider.GetRequiredService<Newsroom>();
        var now = clock.GetUtcNow();
        // Every mission's items: the system scope writes anywhere but reads through the filter only what it names.
        var due = await db.NewsItems.IgnoreQueryFilters().Where(n => n.State == NewsState.Scheduled && n.PublishAt <= now).Select(n => n.Id).ToListAsync(ct);
        var mine = new List<Guid>();
        foreach (var id in due)
        {
            if (await newsroom.PublishDueAsync(id, ct))
            {
                mine.Add(id);
            }
        }
        return mine;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled news publishing failed; trying again at the next check.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
