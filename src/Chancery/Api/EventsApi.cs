using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>API.md "Events": events and their programme. Admin and Protocol change; every role reads.</summary>
public static class EventsApi
{
    public sealed record EventBody(string? Title, string? Kind, string? StartsAt, string? TimeZone, string? Venue, int? Capacity,
        string? DressCode, string? RsvpBy, string? Address, string? Hosts, string? Description, string? Status, Guid? MissionId,
        List<string>? Languages = null, string? EndsAt = null, bool? RegretsOnly = null);
    public sealed record EventDto(Guid Id, string Title, string Kind, string StartsAt, string TimeZone, DateTimeOffset StartsAtUtc, string Venue,
        int? Capacity, string? DressCode, string? RsvpBy, string? Address, string? Hosts, string? Description, string Status, Guid MissionId,
        IReadOnlyList<string> Languages, string? EndsAt, bool RegretsOnly);
    public sealed record ProgrammeBody(string? StartsAt, string? Title, string? Speaker, string? Place, int? DurationMinutes, Guid? SpeakerContactId);
    public sealed record ProgrammeDto(Guid Id, string? StartsAt, string Title, string? Speaker, string? Place, int? DurationMinutes, int Order, Guid? SpeakerContactId);

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListAsync).WithSummary("Events of the user's missions, soonest first");
        events.MapPost("/", CreateAsync).RequireAuthorization(Policies.Protocol);
        events.MapGet("/{id:guid}", GetAsync);
        events.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Protocol);
        events.MapPost("/{id:guid}/programme", AddProgrammeItemAsync).RequireAuthorization(Policies.Protocol);
        events.MapGet("/{id:guid}/programme", ProgrammeAsync).WithSummary("The run of show, in order");
        return api;
    }

    private static EventDto ToDto(Event e) => new(e.Id, e.Title, e.Kind.ToString(), EventSchedule.Format(e.StartsAtLocal), e.TimeZone, e.StartsAtUtc,
        e.Venue, e.Capacity, e.DressCode, e.RsvpByLocal is { } r ? EventSchedule.Format(r) : null, e.Address, e.Hosts, e.Description, e.Status.ToString(), e.MissionId,
        e.Languages, e.EndsAtLocal is { } end ? EventSchedule.Format(end) : null, e.RegretsOnly);

    private static ProgrammeDto ToDto(ProgrammeItem p) =>
        new(p.Id, p.StartsAtLocal is { } s ? EventSchedule.Format(s) : null, p.Title, p.Speaker, p.Place, p.DurationMinutes, p.SortOrder, p.SpeakerContactId);

    private static EventInput ToInput(EventBody b) => new()
    {
        Title = b.Title,
        Kind = b.Kind,
        StartsAt = b.StartsAt,
        TimeZone = b.TimeZone,
        Venue = b.Venue,
        Address = b.Address,
        Capacity = b.Capacity,
        DressCode = b.DressCode,
        RsvpBy = b.RsvpBy,
        Hosts = b.Hosts,
        Description = b.Description,
        Status = b.Status,
        Languages = b.Languages,
        EndsAt = b.EndsAt,
        RegretsOnly = b.RegretsOnly,
    };

    private static async Task<Ok<List<EventDto>>> ListAsync(ChanceryDb db, int? limit, int? offset)
    {
        var rows = await db.Events.OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id).Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).ToListAsync();
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static readonly MissionRole[] Planners = [MissionRole.Protocol];

    private static async Task<Results<Created<EventDto>, ForbidHttpResult>> CreateAsync(EventBody body, EventEditing editing, MissionScope scope)
    {
        if (scope.TargetMission(body.MissionId, MissionRole.Protocol) is not { } missionId)
        {
            return TypedResults.Forbid();
        }
        var e = await editing.CreateAsync(missionId, ToInput(body));
        return TypedResults.Created($"/api/events/{e.Id}", ToDto(e));
    }

    private static async Task<Ok<EventDto>> GetAsync(Guid id, ChanceryDb db, MissionScope scope) =>
        TypedResults.Ok(ToDto(await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", [])));

    private static async Task<Ok<EventDto>> UpdateAsync(Guid id, EventBody body, ChanceryDb db, EventEditing editing, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.AsTracking().Where(e => e.Id == id), "event", Planners);
        await editing.UpdateAsync(e, ToInput(body));
        return TypedResults.Ok(ToDto(e));
    }

    private static async Task<Created<ProgrammeDto>> AddProgrammeItemAsync(Guid id, ProgrammeBody body, ChanceryDb db, EventEditing editing, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", Planners);
        var input = new ProgrammeInput
        {
            StartsAt = body.StartsAt,
            Title = body.Title,
            Speaker = body.Speaker,
            SpeakerContactId = body.SpeakerContactId,
            Place = body.Place,
            DurationMinutes = body.DurationMinutes,
        };
        var item = await editing.AddItemAsync(e, input);
        return TypedResults.Created($"/api/events/{id}/programme", ToDto(item));
    }

    private static async Task<Ok<List<ProgrammeDto>>> ProgrammeAsync(Guid id, ChanceryDb db, MissionScope scope)
    {
        await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", []);
        var items = await db.ProgrammeItems.Where(p => p.EventId == id).OrderBy(p => p.SortOrder).ToListAsync();
        return TypedResults.Ok(items.Select(ToDto).ToList());
    }
}
