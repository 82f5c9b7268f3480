using System.Text.Json;
using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Door;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Api;

/// <summary>API.md "Check-in": admitting guests at the door, one scan or a station's queue, walk-ins, arrivals. Door, Protocol and Admin.</summary>
public static class DoorApi
{
    /// <summary>
    /// API.md's scan; added, for a batch: <c>guestId</c> for a guest an offline station found by name (no code), and
    /// <c>admittedOffline</c> when the station let the person in on its own.
    /// </summary>
    public sealed record Scan(string? Code, string? Station, string? Nonce, DateTimeOffset? ScannedAt, Guid? GuestId = null, bool AdmittedOffline = false);
    public sealed record Batch(string? Station, List<Scan>? Scans);
    public sealed record GuestRef(Guid Id, string DisplayName, string? Organization);
    public sealed record WalkIn(string? FirstName, string? LastName, string? Organization, string? Category, string? Station);
    /// <summary>API.md's fields, and added: <c>reason</c> (wrongEvent, notOnList, waitlisted, companionNotExpected) and <c>companion</c> (0 the guest, n a plus-one).</summary>
    public sealed record ScanResultDto(string Result, GuestRef? Guest, DateTimeOffset? CheckedInAt, string? Station, string? Reason, int Companion);

    private static readonly MissionRole[] AtTheDoor = [MissionRole.Protocol, MissionRole.Door];

    public static RouteGroupBuilder MapDoorApi(this RouteGroupBuilder api)
    {
        var door = api.MapGroup("/events/{id:guid}").WithTags("Check-in").RequireAuthorization(Policies.Door);
        door.MapPost("/checkin", CheckInAsync).WithSummary("Admit the guest a code names (signed QR payload or typed code), exactly once");
        door.MapPost("/checkin/batch", BatchAsync).WithSummary("What an offline station queued: the results in order");
        door.MapDelete("/checkin/{guestId:guid}", UndoAsync).WithSummary("Undo a mistaken admission within 10 minutes (?companion=n for a plus-one); audited");
        door.MapPost("/walkins", WalkInAsync).WithSummary("Someone not on the list, let in: added to the directory and the list, checked in at once");
        door.MapGet("/door-data", DoorDataAsync).WithSummary("What a station keeps to admit offline: the public key and the guests as the door shows them");
        door.MapGet("/arrivals", ArrivalsAsync).WithSummary("Who has come against who is expected, by category, and the latest arrivals");
        return api;
    }

    // The hot path: the event comes from the door's code book, not a query, and no database context is leased for
    // the request — the admission is decided and the scan logged in a batch with every other scan meanwhile (ScanBatches).
    private static async Task<Ok<ScanResultDto>> CheckInAsync(Guid id, Scan body, DoorCodeBook book, CheckIn checkIn, MissionScope scope)
    {
        var e = scope.Visible(await book.EventAsync(id), "event", AtTheDoor);
        return TypedResults.Ok(Dto(await checkIn.ScanAsync(e, body.Code, body.Station, body.Nonce, body.ScannedAt)));
    }

    private static async Task<Ok<List<ScanResultDto>>> BatchAsync(Guid id, Batch body, DoorCodeBook book, CheckIn checkIn, MissionScope scope)
    {
        var e = scope.Visible(await book.EventAsync(id), "event", AtTheDoor);
        var results = await checkIn.TakeQueueAsync(e, body.Scans?.Select(s => s is null ? null : new CheckIn.QueuedScan(s.Code, s.GuestId, s.Station, s.Nonce, s.ScannedAt, s.AdmittedOffline)).ToList(), body.Station);
        return TypedResults.Ok(results.Select(Dto).ToList());
    }

    private static async Task<NoContent> UndoAsync(Guid id, Guid guestId, byte? companion, ChanceryDb db, CheckIn checkIn, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", AtTheDoor);
        await checkIn.UndoAsync(e, guestId, companion ?? 0);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ScanResultDto>> WalkInAsync(Guid id, WalkIn body, ChanceryDb db, CheckIn checkIn, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", AtTheDoor);
        var outcome = await checkIn.WalkInAsync(e, body.FirstName, body.LastName, body.Organization, body.Category, body.Station);
        return TypedResults.Created($"/api/events/{id}/guests/{outcome.GuestId}", Dto(outcome));
    }

    private static async Task<Ok<DoorData.Download>> DoorDataAsync(Guid id, ChanceryDb db, DoorData data, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", AtTheDoor);
        return TypedResults.Ok(await data.ForAsync(e));
    }

    private static async Task<Ok<Arrivals.Summary>> ArrivalsAsync(Guid id, ChanceryDb db, Arrivals arrivals, MissionScope scope)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", AtTheDoor);
        return TypedResults.Ok(await arrivals.ForAsync(e.Id));
    }

    /// <summary>A check-in's answer as the API gives it (the door page's offline upload answers alike).</summary>
    internal static ScanResultDto Dto(CheckInOutcome o) => new(
        JsonNamingPolicy.CamelCase.ConvertName(o.Result.ToString()),
        o.GuestId is { } g && o.DisplayName is not null ? new GuestRef(g, o.DisplayName, o.Organization) : null,
        o.CheckedInAt, o.Station, o.Reason, o.Companion);
}
