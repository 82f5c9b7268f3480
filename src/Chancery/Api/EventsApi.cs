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
        string? DressCode, string? RsvpBy, string? Address, string? Hosts, string? Description, string? Status, Guid? MissionId);
    public sealed record EventDto(Guid Id, string Title, string Kind, string StartsAt, string TimeZone, DateTimeOffset StartsAtUtc, string Venue,
        int? Capacity, string? DressCode, string? RsvpBy, string? Address, string? Hosts, string? Description, string Status, Guid MissionId);
    public sealed record ProgrammeBody(string? StartsAt, string? Title, string? Speaker, string? Place, int? DurationMinutes);
    public sealed record ProgrammeDto(Guid Id, string? StartsAt, string Title, string? Speaker, string? Place, int? DurationMinutes, int Order);

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
        e.Venue, e.Capacity, e.DressCode, e.RsvpByLocal is { } r ? EventSchedule.Format(r) : null, e.Address, e.Hosts, e.Description, e.Status.ToString(), e.MissionId);

    private static ProgrammeDto ToDto(ProgrammeItem p) =>
        new(p.Id, p.StartsAtLocal is { } s ? EventSchedule.Format(s) : null, p.Title, p.Speaker, p.Place, p.DurationMinutes, p.SortOrder);

    /// <summary>Copies the body onto the event; returns the errors by field (camelCase, as the JSON names them).</summary>
    private static Dictionary<string, string[]> Apply(EventBody b, Event e)
    {
        var errors = new Dictionary<string, string[]>();
        if (Text.Clean(b.Title) is not { } title)
        {
            errors["title"] = ["An event needs a title."];
        }
        else
        {
            e.Title = title;
        }
        if (ContactRules.ParseEnum<EventKind>(b.Kind ?? nameof(EventKind.Other)) is { } kind)
        {
            e.Kind = kind;
        }
        else
        {
            errors["kind"] = [$"'{b.Kind}' is not a kind of event; use one of {string.Join(", ", Enum.GetNames<EventKind>())}."];
        }
        if (!EventSchedule.TryParseLocal(b.StartsAt, out var local))
        {
            errors["startsAt"] = [$"'{b.StartsAt}' is not a local date and time; write it as the venue's clock shows it, e.g. 2024-02-26T15:00."];
        }
        else
        {
            var (utc, field, error) = EventSchedule.ToUtc(local, b.TimeZone);
            if (error is not null)
            {
                errors[field!] = [error];
            }
            else
            {
                e.StartsAtLocal = local;
                e.StartsAtUtc = utc!.Value;
                e.TimeZone = b.TimeZone!.Trim();
            }
        }
        if (Text.Clean(b.Venue) is not { } venue)
        {
            errors["venue"] = ["Say where the event is."];
        }
        else
        {
            e.Venue = venue;
        }
        if (b.Capacity is < 1)
        {
            errors["capacity"] = ["Capacity is the number of guests the venue takes: 1 or more, or leave it out."];
        }
        e.Capacity = b.Capacity;
        if (b.RsvpBy is not null)
        {
            if (EventSchedule.TryParseLocal(b.RsvpBy, out var rsvp))
            {
                e.RsvpByLocal = rsvp;
            }
            else
            {
                errors["rsvpBy"] = [$"'{b.RsvpBy}' is not a date; write e.g. 2024-02-20 or 2024-02-20T18:00."];
            }
        }
        if (b.Status is not null)
        {
            if (ContactRules.ParseEnum<EventStatus>(b.Status) is { } status)
            {
                e.Status = status;
            }
            else
            {
                errors["status"] = [$"'{b.Status}' is not a status; use one of {string.Join(", ", Enum.GetNames<EventStatus>())}."];
            }
        }
        e.DressCode = Text.Clean(b.DressCode);
        e.Address = Text.Clean(b.Address);
        e.Hosts = Text.Clean(b.Hosts);
        e.Description = Text.Clean(b.Description);
        return errors;
    }

    private static async Task<Ok<List<EventDto>>> ListAsync(ChanceryDb db, int? limit, int? offset)
    {
        var rows = await db.Events.OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id).Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).ToListAsync();
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<EventDto>, ValidationProblem, ForbidHttpResult>> CreateAsync(EventBody body, ChanceryDb db, MissionScope scope, TimeProvider clock)
    {
        if (scope.TargetMission(body.MissionId, MissionRole.Protocol) is not { } missionId)
        {
            return TypedResults.Forbid();
        }
        var e = new Event { MissionId = missionId, Title = "", TimeZone = "UTC", Venue = "", CreatedAt = clock.GetUtcNow() };
        var errors = Apply(body, e);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The event has errors; see each field.");
        }
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/events/{e.Id}", ToDto(e));
    }

    private static async Task<Results<Ok<EventDto>, NotFound>> GetAsync(Guid id, ChanceryDb db) =>
        await db.Events.FirstOrDefaultAsync(e => e.Id == id) is { } e ? TypedResults.Ok(ToDto(e)) : TypedResults.NotFound();

    private static async Task<Results<Ok<EventDto>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateAsync(Guid id, EventBody body, ChanceryDb db, MissionScope scope)
    {
        if (await db.Events.AsTracking().FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return TypedResults.NotFound();
        }
        if (!scope.Can(e.MissionId, MissionRole.Protocol))
        {
            return TypedResults.Forbid();
        }
        var errors = Apply(body, e);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The event has errors; see each field.");
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToDto(e));
    }

    private static async Task<Results<Created<ProgrammeDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddProgrammeItemAsync(Guid id, ProgrammeBody body, ChanceryDb db, MissionScope scope)
    {
        if (await db.Events.FirstOrDefaultAsync(e => e.Id == id) is not { } e)
        {
            return TypedResults.NotFound();
        }
        if (!scope.Can(e.MissionId, MissionRole.Protocol))
        {
            return TypedResults.Forbid();
        }
        var errors = new Dictionary<string, string[]>();
        DateTime? startsAt = null;
        if (body.StartsAt is not null)
        {
            if (EventSchedule.TryParseLocal(body.StartsAt, out var t))
            {
                startsAt = t;
            }
            else if (TimeOnly.TryParse(body.StartsAt, System.Globalization.CultureInfo.InvariantCulture, out var time))
            {
                startsAt = e.StartsAtLocal.Date + time.ToTimeSpan(); // "15:30" means on the event's day
            }
            else
            {
                errors["startsAt"] = [$"'{body.StartsAt}' is not a time; write 15:30 or 2024-02-26T15:30."];
            }
        }
        if (Text.Clean(body.Title) is not { } title)
        {
            errors["title"] = ["A programme item needs a title."];
            title = "";
        }
        if (body.DurationMinutes is < 0)
        {
            errors["durationMinutes"] = ["A duration cannot be negative."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The programme item has errors; see each field.");
        }

        // A timed item goes before the first item that starts later; an untimed one goes last.
        var items = await db.ProgrammeItems.AsTracking().Where(p => p.EventId == id).OrderBy(p => p.SortOrder).ToListAsync();
        var firstLater = startsAt is { } at ? items.FindIndex(p => p.StartsAtLocal is { } s && s > at) : -1;
        var position = firstLater < 0 ? items.Count : firstLater;
        foreach (var later in items.Skip(position))
        {
            later.SortOrder++;
        }
        var item = new ProgrammeItem
        {
            MissionId = e.MissionId,
            EventId = id,
            StartsAtLocal = startsAt,
            Title = title,
            Speaker = Text.Clean(body.Speaker),
            Place = Text.Clean(body.Place),
            DurationMinutes = body.DurationMinutes,
            SortOrder = position,
        };
        db.ProgrammeItems.Add(item);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/events/{id}/programme", ToDto(item));
    }

    private static async Task<Results<Ok<List<ProgrammeDto>>, NotFound>> ProgrammeAsync(Guid id, ChanceryDb db)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id))
        {
            return TypedResults.NotFound();
        }
        var items = await db.ProgrammeItems.Where(p => p.EventId == id).OrderBy(p => p.SortOrder).ToListAsync();
        return TypedResults.Ok(items.Select(ToDto).ToList());
    }
}
