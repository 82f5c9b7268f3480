using System.Globalization;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press;

/// <summary>
/// The press review for the ambassador's morning: the articles the archive's filters find (the last seven days when
/// none is set), oldest first (undated last), each with its source, titles, summary and clipping, ready to print or save as PDF.
/// </summary>
public sealed class ReviewModel(ChanceryDb db, PressArchive archive, MissionScope scope, TimeProvider clock) : PressFilterPage
{
    public const int MaxArticles = 200;

    public IReadOnlyList<PressArticle> Articles { get; private set; } = [];
    public int Total { get; private set; }
    public string Mission { get; private set; } = "";
    public string Period { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var missionId = scope.Current!.MissionId;
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct);
        Mission = mission.Name;
        if (Unfiltered)
        {
            var today = DateOnly.FromDateTime(Domain.News.PublicNews.Local(clock.GetUtcNow(), mission));
            (From, To) = (today.AddDays(-6), today);
        }
        var found = archive.Search(Filter).Where(a => a.MissionId == missionId);
        Total = await found.CountAsync(ct);
        Articles = await found.OrderBy(a => a.PublishedOn == null).ThenBy(a => a.PublishedOn).ThenBy(a => a.Id).Take(MaxArticles).ToListAsync(ct);
        Period = (From, To) switch
        {
            ({ } f, { } t) when f == t => Day(f),
            ({ } f, { } t) => $"{Day(f)} – {Day(t)}",
            ({ } f, null) => $"since {Day(f)}",
            (null, { } t) => $"until {Day(t)}",
            _ => "all dates",
        };
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
