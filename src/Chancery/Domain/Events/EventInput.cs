namespace Chancery.Domain.Events;

/// <summary>An event as the staff form and the API send it: text, checked by <see cref="EventEditor"/>.</summary>
public sealed class EventInput
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    /// <summary>The venue's wall clock, e.g. 2024-02-26T15:00.</summary>
    public string? StartsAt { get; set; }
    public string? TimeZone { get; set; }
    public string? Venue { get; set; }
    public string? Address { get; set; }
    public int? Capacity { get; set; }
    public string? DressCode { get; set; }
    public string? RsvpBy { get; set; }
    public string? Hosts { get; set; }
    /// <summary>The hosts as people of the mission's directory, in order; null keeps the event's, empty for the office.</summary>
    public List<Guid>? HostIds { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    /// <summary>Null keeps what the event has (an API update that leaves them out); empty for the mission's language.</summary>
    public List<string>? Languages { get; set; }
    public string? EndsAt { get; set; }
    /// <summary>Null keeps what the event has.</summary>
    public bool? RegretsOnly { get; set; }

    public static EventInput From(Event e) => new()
    {
        Title = e.Title,
        Kind = e.Kind.ToString(),
        StartsAt = EventSchedule.Format(e.StartsAtLocal),
        TimeZone = e.TimeZone,
        Venue = e.Venue,
        Address = e.Address,
        Capacity = e.Capacity,
        DressCode = e.DressCode,
        RsvpBy = e.RsvpByLocal is { } r ? EventSchedule.Format(r) : null,
        Hosts = e.Hosts,
        HostIds = [.. e.HostIds],
        Description = e.Description,
        Status = e.Status.ToString(),
        Languages = [.. e.Languages],
        EndsAt = e.EndsAtLocal is { } end ? EventSchedule.Format(end) : null,
        RegretsOnly = e.RegretsOnly,
    };
}

/// <summary>A programme item as the staff form and the API send it.</summary>
public sealed class ProgrammeInput
{
    /// <summary>"15:30" (on the event's day) or a full local date and time.</summary>
    public string? StartsAt { get; set; }
    public string? Title { get; set; }
    /// <summary>The title in the event's other languages; null keeps the item's.</summary>
    public Dictionary<string, string>? Titles { get; set; }
    public string? Speaker { get; set; }
    public Guid? SpeakerContactId { get; set; }
    public string? Place { get; set; }
    public int? DurationMinutes { get; set; }
}

/// <summary>
/// The event's words in one language as the API and the Invitations page send them (API.md <c>/texts/{language}</c>):
/// a field left null keeps its value, an empty one clears it.
/// </summary>
public sealed class EventTextInput
{
    public string? Title { get; set; }
    public string? Hosts { get; set; }
    public string? Occasion { get; set; }
    public string? Venue { get; set; }
    public string? DressCode { get; set; }
}
