using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.News;

/// <summary>Where an item is in its life: written, waiting for a second person, approved for a later time, public, or taken down.</summary>
public enum NewsState
{
    Draft,
    Submitted,
    Scheduled,
    Published,
    Withdrawn,
}

/// <summary>
/// One language version of a news item. Versions of the same story share <see cref="StoryId"/> (the first version's
/// id); one of them is the primary. The body is Markdown as the press office wrote it; only its sanitised HTML is
/// ever shown (<see cref="NewsMarkdown"/>). A published item is never deleted: it is withdrawn, with a notice.
/// </summary>
public sealed class NewsItem : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid StoryId { get; set; }
    public bool IsPrimary { get; set; }
    public Guid? EventId { get; set; }
    /// <summary>BCP 47 tag of the language it is written in.</summary>
    public required string Language { get; set; }
    /// <summary>Its public address under the mission's <c>/news/</c>: unique in the mission, kept once published.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public NewsState State { get; set; }

    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? ApprovedById { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>Why it went out without a second person's approval (publish now).</summary>
    public string? PublishedWithoutApprovalBecause { get; set; }
    /// <summary>When an approved item goes public (<see cref="NewsState.Scheduled"/>).</summary>
    public DateTimeOffset? PublishAt { get; set; }
    /// <summary>First publication: the date readers see, kept through later edits.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>What readers see in its place once withdrawn.</summary>
    public string? WithdrawalNotice { get; set; }
    /// <summary>The secret in a draft's preview link; null when there is no link (or it was revoked).</summary>
    public string? PreviewToken { get; set; }

    /// <summary>
    /// Everyone who wrote any of its words since it was last approved (its author first): none of them may approve
    /// it, so no one's words go out on their own say-so.
    /// </summary>
    public List<Guid> Editors { get; set; } = [];
    /// <summary>Bumped by every change: two saves of one version cannot both win, and an approval names the version it read.</summary>
    public int Version { get; set; }

    public bool IsPublic => State is NewsState.Published or NewsState.Withdrawn;
}

/// <summary>What changed in a published item and when, as readers are told ("Updated 3 March: the speech's text added").</summary>
public sealed class NewsChangeNote : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid NewsItemId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Note { get; init; }
}
