using System.ComponentModel.DataAnnotations;

namespace Chancery.Domain.News;

/// <summary>Bound from the <c>News</c> section, checked when the app starts.</summary>
public sealed class NewsOptions
{
    public const string Section = "News";

    /// <summary>False stops this server's scheduler (another server publishes, or a test drives it).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>How often the scheduler looks for items whose time has come.</summary>
    [Range(1, 3600, ErrorMessage = "News:ScheduleCheckSeconds must be between 1 and 3600.")]
    public int ScheduleCheckSeconds { get; set; } = 15;

    /// <summary>Where photos are kept; by default <c>photos/</c> in the data folder.</summary>
    public string? PhotoFolder { get; set; }
}
