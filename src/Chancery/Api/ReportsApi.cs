using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.Reports;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Api;

/// <summary>API.md "Reports": the event's figures, its XLSX and its guest list as CSV. Protocol, Press and Admin (the press office writes the news item from them).</summary>
public static class ReportsApi
{
    /// <summary>
    /// API.md's fields; added: <c>waitlisted</c> (among the pending), <c>companions</c> (plus-ones let in), <c>noShows</c>
    /// and who they are, the two rates, each mission's <c>level</c> of representation and the attendees by name
    /// (<c>attendees</c> is the list of them), and the previous event of the same kind.
    /// </summary>
    public sealed record ReportDto(Guid EventId, string Title, string Kind, DateTimeOffset StartsAt, int Invited, int Accepted, int Declined, int Pending, int Waitlisted,
        int Attended, int WalkIns, int Companions, int NoShows, double? ResponseRate, double? AttendanceRate, List<CategoryDto> ByCategory,
        List<MissionDto> MissionsRepresented, List<PersonDto> NoShowGuests, EarlierDto? Previous);

    public sealed record CategoryDto(string? Category, int Invited, int Accepted, int Attended);
    public sealed record MissionDto(string Organization, string? Country, string? Type, string Level, List<PersonDto> Attendees);
    public sealed record PersonDto(Guid GuestId, string Name, string? Organization, string? Level);
    public sealed record EarlierDto(Guid EventId, string Title, DateTimeOffset StartsAt, int Invited, int Accepted, int Attended, double? ResponseRate, double? AttendanceRate);

    private static readonly MissionRole[] Readers = [MissionRole.Protocol, MissionRole.Press];

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/events/{id:guid}").WithTags("Reports").RequireAuthorization(Policies.Reports);
        reports.MapGet("/report", ReportAsync).WithSummary("Invited, answered and attended, by category; missions represented and by whom; no-shows; against the previous event of its kind");
        reports.MapGet("/report.xlsx", XlsxAsync).WithSummary("The report and the guest list as a workbook");
        reports.MapGet("/guests.csv", CsvAsync).WithSummary("The guest list with answers and check-ins, as CSV");
        return api;
    }

    private static async Task<Ok<ReportDto>> ReportAsync(Guid id, ChanceryDb db, GuestList list, MissionScope scope, CancellationToken ct)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", Readers, ct);
        return TypedResults.Ok(Dto(await EventReport.BuildAsync(db, list, e, ct)));
    }

    private static async Task<FileContentHttpResult> XlsxAsync(Guid id, ChanceryDb db, GuestList list, MissionScope scope, CancellationToken ct)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", Readers, ct);
        var file = await ReportExport.WorkbookAsync(db, list, e, ct);
        return TypedResults.File(file.Bytes, file.ContentType, file.Name);
    }

    private static async Task<FileContentHttpResult> CsvAsync(Guid id, ChanceryDb db, GuestList list, MissionScope scope, CancellationToken ct)
    {
        var e = await scope.FindAsync(db.Events.Where(x => x.Id == id), "event", Readers, ct);
        var file = await ReportExport.GuestCsvAsync(db, list, e, ct);
        return TypedResults.File(file.Bytes, file.ContentType, file.Name);
    }

    private static string Name(Representation level) => JsonNamingPolicy.CamelCase.ConvertName(level.ToString());

    private static PersonDto Dto(EventReport.Person p) => new(p.GuestId, p.Name, p.Organization, p.Level is { } level ? Name(level) : null);

    internal static ReportDto Dto(EventReport r) => new(r.EventId, r.Title, r.Kind.ToString(), r.StartsAtUtc, r.Invited, r.Accepted, r.Declined, r.Pending, r.Waitlisted,
        r.Attended, r.WalkIns, r.Companions, r.NoShows, r.ResponseRate, r.AttendanceRate,
        [.. r.ByCategory.Select(c => new CategoryDto(c.Category, c.Invited, c.Accepted, c.Attended))],
        [.. r.MissionsRepresented.Select(m => new MissionDto(m.Organization, m.Country, m.Type?.ToString(), Name(m.Level), [.. m.Attendees.Select(Dto)]))],
        [.. r.NoShowGuests.Select(Dto)],
        r.Previous is { } p ? new EarlierDto(p.EventId, p.Title, p.StartsAtUtc, p.Invited, p.Accepted, p.Attended, p.ResponseRate, p.AttendanceRate) : null);
}
