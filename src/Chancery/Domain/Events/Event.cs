using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Missions;

namespace Chancery.Domain.Events;

public enum EventKind
{
    Reception,
    NationalDay,
    Commemoration,
    OfficialVisit,
    Dinner,
    Other,
}

public enum EventStatus
{
    Draft,
    [Display(Name = "Invitations sent")]
    InvitationsOut,
    Held,
    Closed,
}

/// <summary>
/// An official event. Its time is kept as the venue's wall clock and IANA zone (what the invitation says)
/// and as the instant in UTC (what reminders and check-in compare against).
/// </summary>
public sealed class Event : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string Title { get; set; }
    public EventKind Kind { get; set; }
    public DateTime StartsAtLocal { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset StartsAtUtc { get; set; }
    public required string Venue { get; set; }
    public string? Address { get; set; }
    public int? Capacity { get; set; }
    public string? DressCode { get; set; }
    /// <summary>The RSVP deadline, on the venue's wall clock.</summary>
    public DateTime? RsvpByLocal { get; set; }
    /// <summary>
    /// Words that say who invites, in the event's first language, written by the office in place of the ones made from
    /// <see cref="HostIds"/> (other languages keep theirs in <see cref="Invitations.InvitationText"/>).
    /// </summary>
    public string? Hosts { get; set; }
    /// <summary>
    /// The people of the mission's directory in whose name the event is given, in order (API.md <c>hosts</c>); empty
    /// when the mission's office speaks. The card's verbs agree with them in number and gender.
    /// </summary>
    public List<Guid> HostIds { get; set; } = [];
    public string? Description { get; set; }
    public EventStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// BCP 47 tags of the languages invitations go out in, the first the default; empty for the mission's language
    /// (English if it has none). See <see cref="InvitationLanguages"/>.
    /// </summary>
    public List<string> Languages { get; set; } = [];
    /// <summary>When it ends, on the venue's wall clock: the calendar file needs an end; null for two hours after the start.</summary>
    public DateTime? EndsAtLocal { get; set; }
    /// <summary>Only guests who cannot come answer ("Regrets only"); the others are expected.</summary>
    public bool RegretsOnly { get; set; }
}

/// <summary>One item of the run of show: a wreath-laying, a minute of silence, a speech.</summary>
public sealed class ProgrammeItem : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    /// <summary>On the venue's wall clock; null for an item without a set time.</summary>
    public DateTime? StartsAtLocal { get; set; }
    public required string Title { get; set; }
    /// <summary>The title in the event's other languages (<c>titles</c> in API.md), by language tag.</summary>
    public Dictionary<string, string> Titles { get; set; } = [];
    /// <summary>The speaker with their title as it should be printed ("H.E. Ambassador …").</summary>
    public string? Speaker { get; set; }
    public Guid? SpeakerContactId { get; set; }
    public string? Place { get; set; }
    public int? DurationMinutes { get; set; }
    public int SortOrder { get; set; }
}
