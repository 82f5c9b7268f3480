using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>
/// Exhibitions of the press archive (docs/press.md), kept by whoever keeps the archive. A piece's place is its place
/// in the list sent; the public page of a published one is <c>/exhibitions/{slug}</c>.
/// </summary>
public static class ExhibitionsApi
{
    public sealed record PieceBody(Guid ArticleId, Dictionary<string, string?>? Captions);
    public sealed record ExhibitionBody(string? Language, Dictionary<string, string?>? Titles, Dictionary<string, string?>? Intros, string? Slug,
        Guid? EventId, Guid? ProgrammeItemId, bool? Published, List<PieceBody>? Pieces, Guid? MissionId = null, bool? UnlinkEvent = null, int? Version = null);
    public sealed record PieceDto(Guid ArticleId, int Position, IReadOnlyDictionary<string, string> Captions);
    public sealed record ExhibitionDto(Guid Id, string Slug, string Language, IReadOnlyDictionary<string, string> Titles, IReadOnlyDictionary<string, string> Intros,
        Guid? EventId, Guid? ProgrammeItemId, bool Published, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<PieceDto>? Pieces);

    public static RouteGroupBuilder MapExhibitionsApi(this RouteGroupBuilder api)
    {
        var exhibitions = api.MapGroup("/press/exhibitions").WithTags("Press coverage").RequireAuthorization(Policies.Coverage);
        exhibitions.MapGet("/", ListAsync).WithSummary("The mission's exhibitions, newest first (without their pieces)");
        exhibitions.MapPost("/", CreateAsync).WithSummary("A new exhibition: titles per language (the main language's required), pieces in order with captions per language");
        exhibitions.MapGet("/{id:guid}", GetAsync);
        exhibitions.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("What is left out is kept; pieces sent replace the list in that order; eventId or programmeItemId links it, unlinkEvent unlinks it; version (as read) refuses a change made since with 409");
        exhibitions.MapDelete("/{id:guid}", DeleteAsync).WithSummary("The exhibition goes; its articles stay in the archive");
        return api;
    }

    private static async Task<Ok<List<ExhibitionDto>>> ListAsync(ChanceryDb db, MissionScope scope, int? limit, int? offset, CancellationToken ct)
    {
        var missions = scope.MissionsWhere(PressArchive.Keepers);
        var found = await db.Exhibitions.AsNoTracking().Where(x => missions.Contains(x.MissionId)).OrderByDescending(x => x.CreatedAt)
            .Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).ToListAsync(ct);
        return TypedResults.Ok(found.Select(x => Dto(x, null)).ToList());
    }

    private static async Task<Created<ExhibitionDto>> CreateAsync(ExhibitionBody body, Exhibitions exhibitions, MissionScope scope, CancellationToken ct)
    {
        var missionId = scope.RequireTargetMission(body.MissionId, PressArchive.Keepers);
        var exhibition = await exhibitions.CreateAsync(missionId, Input(body), ct);
        return TypedResults.Created($"/api/press/exhibitions/{exhibition.Id}", Dto(exhibition, await exhibitions.PiecesAsync(exhibition.Id, ct)));
    }

    private static async Task<Ok<ExhibitionDto>> GetAsync(Guid id, ChanceryDb db, Exhibitions exhibitions, MissionScope scope, CancellationToken ct)
    {
        var exhibition = await scope.FindAsync(db.Exhibitions.Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        return TypedResults.Ok(Dto(exhibition, await exhibitions.PiecesAsync(id, ct)));
    }

    private static async Task<Ok<ExhibitionDto>> UpdateAsync(Guid id, ExhibitionBody body, ChanceryDb db, Exhibitions exhibitions, MissionScope scope, CancellationToken ct)
    {
        var exhibition = await scope.FindAsync(db.Exhibitions.AsTracking().Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct);
        await exhibitions.UpdateAsync(exhibition, Input(body), body.Version, ct);
        return TypedResults.Ok(Dto(exhibition, await exhibitions.PiecesAsync(id, ct)));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, ChanceryDb db, Exhibitions exhibitions, MissionScope scope, CancellationToken ct)
    {
        await exhibitions.DeleteAsync(await scope.FindAsync(db.Exhibitions.AsTracking().Where(x => x.Id == id), "exhibition", PressArchive.Keepers, ct), ct);
        return TypedResults.NoContent();
    }

    private static ExhibitionInput Input(ExhibitionBody b) => new(b.Language, b.Titles, b.Intros, b.Slug, b.EventId, b.ProgrammeItemId, b.Published,
        b.Pieces?.Select(p => new PieceInput(p.ArticleId, p.Captions)).ToList(), EventGiven: b.EventId is not null || b.ProgrammeItemId is not null || b.UnlinkEvent == true);

    private static ExhibitionDto Dto(Exhibition x, List<ExhibitionPiece>? pieces) => new(x.Id, x.Slug, x.Language, x.Titles, x.Intros, x.EventId, x.ProgrammeItemId,
        x.Published, x.PublishedAt, x.UpdatedAt, x.Version, pieces?.Select(p => new PieceDto(p.ArticleId, p.Position, p.Captions)).ToList());
}
