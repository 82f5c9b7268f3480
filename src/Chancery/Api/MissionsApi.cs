using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

public static class MissionsApi
{
    public sealed record MissionDto(Guid Id, string Name, string? Country, string? City, string TimeZone, string Role);
    public sealed record CreateMission([property: Required] string Name, string? Country, string? City, string? TimeZone);
    public sealed record MemberDto(Guid Id, Guid UserId, string Email, string DisplayName, string Role, bool Active);
    public sealed record MeDto(Guid Id, string Email, IReadOnlyList<MissionDto> Missions);

    public static RouteGroupBuilder MapMissionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMeAsync).WithTags("Missions").WithSummary("The signed-in user and their missions");
        var missions = api.MapGroup("/missions").WithTags("Missions");
        missions.MapGet("/", ListAsync).WithSummary("Missions the user is an active member of");
        missions.MapGet("/{id:guid}", GetAsync);
        missions.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).WithSummary("Create a mission; the creator becomes its administrator");
        missions.MapGet("/{id:guid}/members", MembersAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Ok<MeDto>> GetMeAsync(MissionScope scope, ChanceryDb db)
    {
        var user = await db.Users.SingleAsync(u => u.Id == scope.UserId);
        var missions = await ListAsync(scope, db);
        return TypedResults.Ok(new MeDto(user.Id, user.Email ?? "", missions.Value!));
    }

    private static async Task<Ok<List<MissionDto>>> ListAsync(MissionScope scope, ChanceryDb db)
    {
        var rows = await db.Missions.OrderBy(m => m.Name).ToListAsync();
        return TypedResults.Ok(rows.Select(m => ToDto(m, scope)).ToList());
    }

    private static async Task<Ok<MissionDto>> GetAsync(Guid id, MissionScope scope, ChanceryDb db) =>
        TypedResults.Ok(ToDto(await db.Missions.FirstOrDefaultAsync(m => m.Id == id) ?? throw DomainException.NotFound("mission"), scope));

    private static async Task<Created<MissionDto>> CreateAsync(CreateMission body, MissionScope scope, MissionAdministration admin)
    {
        var m = await admin.CreateMissionAsync(body.Name ?? "", body.Country, body.City, body.TimeZone, scope.UserId!.Value);
        return TypedResults.Created($"/api/missions/{m.Id}", new MissionDto(m.Id, m.Name, m.Country, m.City, m.TimeZone, nameof(MissionRole.Admin)));
    }

    private static async Task<Ok<List<MemberDto>>> MembersAsync(Guid id, MissionAdministration admin) =>
        TypedResults.Ok((await admin.MembersAsync(id)).Select(m => new MemberDto(m.Id, m.UserId, m.User!.Email ?? "", m.User.DisplayName, m.Role.ToString(), m.DisabledAt == null)).ToList());

    private static MissionDto ToDto(Mission m, MissionScope scope) =>
        new(m.Id, m.Name, m.Country, m.City, m.TimeZone, scope.Memberships.FirstOrDefault(x => x.MissionId == m.Id)?.Role.ToString() ?? "");
}
