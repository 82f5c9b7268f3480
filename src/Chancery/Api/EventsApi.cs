using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>API.md "Events": events and their programme. Admin and Protocol change; every role reads.</summary>
public static class EventsApi
{
    /// <param name="Hosts">
    /// API.md: the hosts as contact ids, in order (<c>[]</c> for the office). A string is taken as before hosts were
    /// people: the words that say who invites, in the event's first language (now <paramref name="HostWords"/>).
    /// </param>
    public sealed record EventBody(string? Title, string? Kind, string? StartsAt, string? TimeZone, string? Venue, int? Capacity,
        string? DressCode, string? RsvpBy, string? Address, JsonElement? Hosts, string? Description, string? Status, Guid? MissionId,
        List<string>? Languages = null, string? EndsAt = null, bool? RegretsOnly = null, string? HostWords = null);
    public sealed record EventDto(Guid Id, string Title, string Kind, string StartsAt, string TimeZone, DateTimeOffset StartsAtUtc, string Venue,
        int? Capacity, string? DressCode, string? RsvpBy, string? Address, IReadOnlyList<Guid> Hosts, string? Description, string Status, Guid MissionId,
        IReadOnlyList<string> Languages, string? EndsAt, bool RegretsOnly, string? HostWords);
    public sealed record ProgrammeBody(string? StartsAt, string? Title, string? Speaker, string? Place, int? DurationMinutes, Guid? SpeakerContactId,
        Dictionary<string, string>? Titles = null);
    public sealed record ProgrammeDto(Guid Id, string? StartsAt, string Title, string? Speaker, string? Place, int? DurationMinutes, int Order, Guid? SpeakerContactId,
        IReadOnlyDictionary<string, string> Titles);
    public sealed record TextBody(string? Title, string? Hosts, string? Occasion, string? Venue, string? DressCode);
    /// <summary>The words as stored for the language (null where the office wrote none), and the fields still to write.</summary>
    public sealed record TextDto(string Language, string? Title, string? Hosts, string? Occasion, string? Venue, string? DressCode, IReadOnlyList<string> Missing);

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListAsync).WithSummary("Events of the user's missions, soonest first");
        events.MapPost("/", CreateAsync).RequireAuthorization(Policies.Protocol);
        events.MapGet("/{id:guid}", GetAsync);
        events.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Protocol);
        events.MapPost("/{id:guid}/programme", AddProgrammeItemAsync).RequireAuthorization(Policies.Protocol);
        events.MapGet("/{id:guid}/programme", ProgrammeAsync).WithSummary("The run of show, in order");
        events.MapGet("/{id:guid}/texts/{language}", TextAsync).WithSummary("The event's words in one of its languages");
        events.MapPut("/{id:guid}/texts/{language}", SaveTextAsync).RequireAuthorization(Policies.Protocol)
            .WithSummary("Write the event's words in one of its languages; a field left out keeps its value, \"\" clears it");
        return api;
    }

    private static EventDto ToDto(Event e) => new(e.Id, e.Title, e.Kind.ToString(), EventSchedule.Format(e.StartsAtLocal), e.TimeZone, e.StartsAtUtc,
        e.Venue, e.Capacity, e.DressCode, e.RsvpByLocal is { } r ? EventSchedule.Format(r) : null, e.Address, e.HostIds, e.Description, e.Status.ToString(), e.MissionId,
        e.Languages, e.EndsAtLocal is { } end ? EventSchedule.Format(end) : null, e.RegretsOnly, e.Hosts);

    private static ProgrammeDto ToDto(ProgrammeItem p) =>
        new(p.Id, p.StartsAtLocal is { } s ? EventSchedule.Format(s) : null, p.Title, p.Speaker, p.Place, p.DurationMinutes, p.SortOrder, p.SpeakerContactId, p.Titles);

    private static EventInput ToInput(EventBody b, Event? existing) => new()
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
        // hostWords (or, from older clients, a string in hosts) replaces the words; left out, they are kept.
        Hosts = b.Hosts is { ValueKind: JsonValueKind.String } words ? words.GetString() : b.HostWords ?? existing?.Hosts,
        HostIds = b.Hosts switch
        {
            { ValueKind: JsonValueKind.Array } ids => HostIds(ids),
            null or { ValueKind: JsonValueKind.Null or JsonValueKind.String } => null,
            _ => throw new Domain.DomainException("hosts is a list of contact ids: [\"…\"], or [] for the mission's office.", "hosts"),
        },
        Description = b.Description,
        Status = b.Status,
        Languages = b.Languages,
        EndsAt = b.EndsAt,
        RegretsOnly = b.RegretsOnly,
    };

    // The form's HostIds is API.md's hosts.
    private static async Task WithApiNamesAsync(Func<Task> edit)
    {
        try
        {
            await edit();
        }
        catch (Domain.DomainException e) when (e.Errors.ContainsKey(nameof(EventInput.HostIds)))
        {
            throw new Domain.DomainException(e.Errors.ToDictionary(x => x.Key == nameof(EventInput.HostIds) ? "hosts" : x.Key, x => x.Value), e.Message);
        }
    }

    private static List<Guid> HostIds(JsonElement ids) => [.. ids.EnumerateArray().Select(id => id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var g) ? g
        : throw new Domain.DomainException($"'{id}' is not a contact id; hosts are the ids of people in the directory.", "hosts"))];

    private static async Task<Ok<List<EventDto>>> ListAsync(ChanceryDb db, int? limit, int? offset)
    {
        var rows = await db.Events.OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id).Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).ToListAsync();
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static readonly MissionRole[] Planners = [MissionRole.Protocol];

    private static async Task<Created<EventDto>> CreateAsync(EventBody body, EventEditor editing, MissionScope scope)
    {
        var missionId = scope.RequireTargetMission(body.MissionId, MissionRole.Protocol);
        Event e = null!;
        await WithApiNamesAsync(async () => e = await editing.CreateAsync(missionId, ToInput(body, null)));
        return TypedResults.Created($"/api/events/{e.Id}", ToDto(e));
    }

    private static async Task<Ok<EventDto>> GetAsync(Guid id, ChanceryDb db, MissionScope scope) =>
        TypedResults.Ok(ToDto(await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", [])));

    private static async Task<Ok<EventDto>> UpdateAsync(Guid id, EventBody body, ChanceryDb db, EventEditor editing, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.AsTracking().Where(e => e.Id == id), "event", Planners);
        await WithApiNamesAsync(() => editing.UpdateAsync(e, ToInput(body, e)));
        return TypedResults.Ok(ToDto(e));
    }

    private static async Task<Created<ProgrammeDto>> AddProgrammeItemAsync(Guid id, ProgrammeBody body, ChanceryDb db, EventEditor editing, MissionScope scope)
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
            Titles = body.Titles,
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

    private static async Task<Ok<TextDto>> TextAsync(Guid id, string language, ChanceryDb db, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", []);
        var mission = await db.Missions.FirstAsync(m => m.Id == e.MissionId);
        var tag = InvitationLanguages.Of(e, mission).FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase))
            ?? throw Domain.DomainException.NotFound($"language '{language}' for this event");
        var own = await db.InvitationTexts.FirstOrDefaultAsync(t => t.EventId == id && t.Language == tag);
        return TypedResults.Ok(ToDto(tag, own, EventWords.For(e, await EventVoice.OfAsync(db, e, mission), own, tag)));
    }

    private static async Task<Ok<TextDto>> SaveTextAsync(Guid id, string language, TextBody body, ChanceryDb db, EventEditor editing, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(e => e.Id == id), "event", Planners);
        var mission = await db.Missions.FirstAsync(m => m.Id == e.MissionId);
        var own = await editing.SaveTextAsync(e, mission, language, new EventTextInput
        {
            Title = body.Title,
            Hosts = body.Hosts,
            Occasion = body.Occasion,
            Venue = body.Venue,
            DressCode = body.DressCode,
        });
        return TypedResults.Ok(ToDto(own.Language, own, EventWords.For(e, await EventVoice.OfAsync(db, e, mission), own, own.Language)));
    }

    private static TextDto ToDto(string language, InvitationText? own, LocalWords words) =>
        new(language, own?.Title, own?.Hosts, own?.Occasion, own?.Venue, own?.DressCode, words.Missing);
}
