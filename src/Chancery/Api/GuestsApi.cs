using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>API.md "Guests": build an event's guest list and read it by precedence or by name.</summary>
public static class GuestsApi
{
    public sealed record GuestFilter(string? Category, string? OrganizationType, string? Tag, string? Country = null, List<string>? Categories = null);
    public sealed record AddGuests(List<Guid>? ContactIds, GuestFilter? Filter);
    public sealed record AddedDto(int Added, int AlreadyOnList);
    public sealed record GuestChange(string? Rsvp, int? PlusOnes, bool? WithPartner, string? Note);
    public sealed record GuestDto(Guid Id, ContactsApi.ContactDto Contact, string Rsvp, int PlusOnes, string Invitation, DateTimeOffset? CheckedInAt, string? CheckedInBy, string? Note,
        string? AnswerNote = null, string? PlusOneNames = null, bool WithPartner = false, Guid? SubstituteFor = null, Guid? SubstitutedBy = null);
    public sealed record SendInstead(Guid? ContactId);

    public static RouteGroupBuilder MapGuestsApi(this RouteGroupBuilder api)
    {
        var guests = api.MapGroup("/events/{id:guid}/guests").WithTags("Guests");
        guests.MapPost("/", AddAsync).RequireAuthorization(Policies.Protocol)
            .WithSummary("Add people by id or by filter; an empty filter adds every contact of the mission");
        guests.MapGet("/", ListAsync).WithSummary("The guest list, ?order=precedence (default) or name");
        guests.MapPut("/{guestId:guid}", UpdateAsync).RequireAuthorization(Policies.Protocol)
            .WithSummary("An answer taken by phone or letter: rsvp, plusOnes, withPartner, note; what is left out stays");
        guests.MapPost("/{guestId:guid}/substitute", SubstituteAsync).RequireAuthorization(Policies.Protocol)
            .WithSummary("Someone comes instead of the guest (a deputy): contactId from the directory; 201 with the deputy as a guest");
        return api;
    }

    private static (int, int) Tail((int Matched, int Added, int Already) r) => (r.Added, r.Already);

    private static string Camel(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static async Task<Ok<AddedDto>> AddAsync(Guid id, AddGuests body, ChanceryDb db, GuestList list, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", [MissionRole.Protocol]);
        if (body.ContactIds is not { Count: > 0 } && body.Filter is null)
        {
            // An empty selection is a client's mistake far more often than a wish to invite the whole directory.
            throw new Domain.DomainException("Name the people to add in contactIds, or send a filter; to add everyone in the directory, send \"filter\":{}.", "contactIds");
        }
        var (added, already) = body.ContactIds is { Count: > 0 } requested
            ? await list.AddPeopleAsync(e.MissionId, id, requested, strict: true)
            : Tail(await list.AddByFilterAsync(e.MissionId, id, new ContactDirectory.Filter(Category: body.Filter?.Category,
                OrganizationType: GuestList.ParseType(body.Filter?.OrganizationType, "filter.organizationType"), Tag: body.Filter?.Tag, Country: body.Filter?.Country, Categories: body.Filter?.Categories),
                wholeDirectoryMeant: true)); // API.md: an empty filter adds every contact of the mission
        return TypedResults.Ok(new AddedDto(added, already));
    }

    private static async Task<Ok<GuestDto>> UpdateAsync(Guid id, Guid guestId, GuestChange body, ChanceryDb db, GuestList list, Domain.Invitations.InvitationSender sending, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", [MissionRole.Protocol]);
        var guest = await db.Guests.AsNoTracking().FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == id) ?? throw Domain.DomainException.NotFound("guest");
        RsvpAnswer? answer = body.Rsvp is null ? null
            : ContactRules.ParseEnum<RsvpAnswer>(body.Rsvp) ?? throw new Domain.DomainException($"'{body.Rsvp}' is not an answer; use pending, accepted, declined or waitlisted.", "rsvp");
        await list.UpdateAsync(id, guestId, new GuestList.Change(answer ?? guest.Rsvp, body.WithPartner ?? guest.WithPartner, body.PlusOnes ?? guest.PlusOnes, body.Note ?? guest.Note));
        return TypedResults.Ok(Dto(await list.ReadOneAsync(id, guestId), await StatusesAsync(sending, e, guestId)));
    }

    private static async Task<Dictionary<Guid, string>> StatusesAsync(Domain.Invitations.InvitationSender sending, Domain.Events.Event e, Guid? onlyGuest = null) =>
        (await sending.StatusAsync(e, onlyGuest)).ToDictionary(s => s.GuestId, s => s.Status);

    private static async Task<Created<GuestDto>> SubstituteAsync(Guid id, Guid guestId, SendInstead body, ChanceryDb db, GuestList list, Domain.Invitations.InvitationSender sending, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", [MissionRole.Protocol]);
        var deputy = await list.SendInsteadAsync(id, guestId, body.ContactId ?? throw new Domain.DomainException("Name the deputy by contactId.", "contactId"));
        return TypedResults.Created($"/api/events/{id}/guests/{deputy}", Dto(await list.ReadOneAsync(id, deputy), await StatusesAsync(sending, e, deputy)));
    }

    // The invitation's state as the outbox knows it (sent, failed), not only as it was queued.
    private static GuestDto Dto(Guest g, Dictionary<Guid, string> invitations, Guid? substitutedBy = null) =>
        new(g.Id, ContactsApi.ToDto(g.Contact!), Camel(g.Rsvp), g.PlusOnes, invitations.GetValueOrDefault(g.Id, Camel(g.Invitation)), g.CheckedInAt, g.CheckedInBy, g.Note,
            g.AnswerNote, g.PlusOneNames, g.WithPartner, g.SubstituteForId, substitutedBy);

    private static async Task<Ok<List<GuestDto>>> ListAsync(Guid id, string? order, ChanceryDb db, GuestList list, Domain.Invitations.InvitationSender sending, MissionScope scope, int? limit, int? offset)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", []);
        if (order is not (null or "precedence" or "name"))
        {
            throw new DomainException("Use order=precedence or order=name.", "order");
        }
        var guests = await list.ReadAsync(e.MissionId, id, byPrecedence: order != "name");
        var invitations = await StatusesAsync(sending, e);
        var deputies = guests.Where(g => g.SubstituteForId is not null).ToDictionary(g => g.SubstituteForId!.Value, g => g.Id);
        return TypedResults.Ok(guests.Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).Select(g => Dto(g, invitations, deputies.TryGetValue(g.Id, out var d) ? d : null)).ToList());
    }
}
