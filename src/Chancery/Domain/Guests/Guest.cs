using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;

namespace Chancery.Domain.Guests;

public enum RsvpAnswer
{
    Pending,
    Accepted,
    Declined,
    /// <summary>Said yes when the event was full: waits for a place, which the office gives (<see cref="Guest.WaitlistedAt"/> is the order).</summary>
    Waitlisted,
}

public enum InvitationState
{
    NotSent,
    Queued,
    Sent,
    Failed,
}

/// <summary>A person on an event's guest list, with their answer and, at the door, their admission.</summary>
public sealed class Guest : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    public Guid ContactId { get; init; }
    public Contact? Contact { get; init; }
    public RsvpAnswer Rsvp { get; set; }
    /// <summary>Extra people the guest may bring (an aide, a child); the partner is counted apart.</summary>
    public int PlusOnes { get; set; }
    /// <summary>The spouse or partner on the contact is invited too.</summary>
    public bool WithPartner { get; set; }
    public InvitationState Invitation { get; set; }
    /// <summary>SHA-256 of the guest's RSVP link token (the token itself is derived again when needed, never stored).</summary>
    public string? RsvpTokenHash { get; set; }
    /// <summary>The language the invitation went out in (BCP 47).</summary>
    public string? InvitationLanguage { get; set; }
    /// <summary>When the invitation was queued; an answer recorded before it makes the card say p.m.</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    /// <summary>Whether the invitation named the partner (set when it was sent): only then may the guest's page bring them.</summary>
    public bool? PartnerInvited { get; set; }
    /// <summary>How many people the guest may bring, as the office set it when inviting; the guest's answer says how many come.</summary>
    public int? PlusOnesAllowed { get; set; }
    /// <summary>The names of the people the guest brings, as they gave them.</summary>
    public string? PlusOneNames { get; set; }
    /// <summary>What the guest wrote with their answer: dietary or access needs.</summary>
    public string? AnswerNote { get; set; }
    /// <summary>
    /// The guest this one comes instead of: a head of mission who sends a deputy. The deputy is a guest of their own,
    /// in their own place in the order of precedence; the one they stand for has declined.
    /// </summary>
    public Guid? SubstituteForId { get; set; }
    /// <summary>When the guest's yes went to the waiting list: first come, first offered a place.</summary>
    public DateTimeOffset? WaitlistedAt { get; set; }
    /// <summary>When the guest last answered on their page.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>For the protocol office: VIP, greet by the ambassador, dietary needs.</summary>
    public string? Note { get; set; }
    public DateTimeOffset AddedAt { get; init; }
    /// <summary>Came without being on the list, and was let in at the door (reports count walk-ins apart).</summary>
    public bool WalkIn { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
}
