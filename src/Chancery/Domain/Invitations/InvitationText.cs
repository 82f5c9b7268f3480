using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Invitations;

/// <summary>
/// The event's words in one of its languages (API.md <c>/texts/{language}</c>): its title, who invites
/// ("L'Ambassadeur de Finlande et Mme Virtanen"), the occasion, the place and the dress code. An empty field falls
/// back to the event's own (its first language), and the Invitations page names it as missing (<see cref="EventWords"/>).
/// </summary>
public sealed class InvitationText : IMissionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public Guid EventId { get; init; }
    public required string Language { get; init; }
    public string? Hosts { get; set; }
    public string? Occasion { get; set; }
    public string? Venue { get; set; }
    public string? Title { get; set; }
    public string? DressCode { get; set; }
}
