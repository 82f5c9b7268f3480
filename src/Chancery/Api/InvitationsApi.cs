using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Api;

/// <summary>API.md "Invitations and RSVP": queue an event's invitations and read each guest's status. Protocol and Admin.</summary>
public static class InvitationsApi
{
    public sealed record SendInvitations(List<Guid>? GuestIds, bool? Reminder);
    /// <summary>What was queued; the other counts say why the rest were not (for a reminder: already reminded this round, answered, never invited).</summary>
    public sealed record QueuedDto(int Queued, int AlreadyInvited, int WithoutEmail, int Declined, int? RemindedThisRound = null, int? Answered = null, int? NotInvited = null);

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/events/{id:guid}/invitations").WithTags("Invitations").RequireAuthorization(Policies.Protocol);
        invitations.MapPost("/", SendAsync).WithSummary("Queue invitations for the guests named, or every guest not yet invited; never twice");
        invitations.MapGet("/", StatusAsync).WithSummary("Each guest's invitation: language and status");
        return api;
    }

    private static async Task<Accepted<QueuedDto>> SendAsync(Guid id, SendInvitations body, ChanceryDb db, InvitationSender sending, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", [MissionRole.Protocol]);
        if (body.Reminder == true)
        {
            var reminded = await sending.RemindAsync(e, body.GuestIds);
            return TypedResults.Accepted($"/api/events/{id}/invitations",
                new QueuedDto(reminded.Count, 0, 0, 0, reminded.RemindedThisRound, reminded.Answered, reminded.NotInvited));
        }
        var queued = await sending.QueueAsync(e, body.GuestIds);
        return TypedResults.Accepted($"/api/events/{id}/invitations", new QueuedDto(queued.Count, queued.AlreadyInvited, queued.WithoutEmail, queued.Declined));
    }

    private static async Task<Ok<List<InvitationSender.InvitationStatus>>> StatusAsync(Guid id, ChanceryDb db, InvitationSender sending, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", [MissionRole.Protocol]);
        return TypedResults.Ok(await sending.StatusAsync(e));
    }
}
