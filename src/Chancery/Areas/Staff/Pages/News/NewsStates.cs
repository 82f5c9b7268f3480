using Chancery.Domain.News;

namespace Chancery.Areas.Staff.Pages.News;

/// <summary>An item's state as the press office says it, with the time that matters for it.</summary>
public static class NewsStates
{
    public static string Say(NewsItem n) => n.State switch
    {
        NewsState.Draft => "Draft",
        NewsState.Submitted => "Waiting for approval",
        NewsState.Scheduled => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Approved, out {n.PublishAt:d MMM yyyy HH:mm} UTC"),
        NewsState.Published => "Published",
        NewsState.Withdrawn => "Withdrawn",
        _ => n.State.ToString(),
    };
}
