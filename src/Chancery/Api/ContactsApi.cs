using System.Globalization;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Import;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>API.md "Contacts". Admin and Protocol change; Press reads; the door reads none of it (its event's guests come with the door data).</summary>
public static class ContactsApi
{
    public sealed record OrganizationDto(Guid Id, string Name, string Type, string? Country);
    public sealed record ContactDto(
        Guid Id, string? Honorific, string? FirstName, string LastName, string DisplayName, OrganizationDto? Organization,
        string? Position, string? DiplomaticRank, string? HeadOfMissionClass, string? CredentialsPresented, string? Email, string? Phone,
        string? Language, string? Category, IReadOnlyList<string> Tags, string? LatinName, Guid MissionId,
        string? ArrivalNotified, int? NotifiedOrder, int? ManualRank, bool HeadOfOrganization,
        string? NameOrder, string? SpouseHonorific, string? SpouseFirstName, string? SpouseLastName, bool NotNamedPublicly,
        string? Gender);
    public sealed record OrganizationRef(string? Name, string? Type, string? Country);
    public sealed record ContactBody(
        string? Honorific, string? FirstName, string? LastName, OrganizationRef? Organization, string? Position, string? DiplomaticRank,
        string? HeadOfMissionClass, string? CredentialsPresented, string? Email, string? Phone, string? Language, string? Category,
        List<string>? Tags, string? LatinName, string? SpouseHonorific, string? SpouseFirstName, string? SpouseLastName, string? Notes, Guid? MissionId,
        string? ArrivalNotified = null, int? NotifiedOrder = null, int? ManualRank = null, bool? HeadOfOrganization = null, string? NameOrder = null,
        bool? NotNamedPublicly = null, string? Gender = null);
    public sealed record ImportResponse(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors,
        IReadOnlyList<string> Warnings, IReadOnlyList<string> NewOrganizations, IReadOnlyList<string> NewCategories);

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", ListAsync).RequireAuthorization(Policies.Directory).WithSummary("People of the user's missions, filtered (Protocol, Press and Admin)");
        contacts.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Directory);
        contacts.MapPost("/", CreateAsync).RequireAuthorization(Policies.Protocol);
        contacts.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Protocol);
        contacts.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Policies.Protocol);
        contacts.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Protocol).DisableAntiforgery()
            .WithSummary("Import a CSV or XLSX file: all rows or none");
        contacts.MapGet("/export.csv", ExportCsvAsync).RequireAuthorization(Policies.Protocol);
        contacts.MapGet("/export.xlsx", ExportXlsxAsync).RequireAuthorization(Policies.Protocol);
        contacts.MapGet("/{id:guid}/personal-data", PersonalDataAsync).RequireAuthorization(Policies.Protocol)
            .WithSummary("Everything held about the person (subject-access request)");
        contacts.MapPost("/{id:guid}/erase", EraseAsync).RequireAuthorization(Policies.Protocol)
            .WithSummary("Erase the person's names and contact data on request");
        return api;
    }

    internal static ContactDto ToDto(Contact c) => new(
        c.Id, c.Honorific, c.FirstName, c.LastName, c.DisplayName,
        c.Organization is { } o ? new OrganizationDto(o.Id, o.Name, o.Type.ToString(), o.Country) : null,
        c.Position, c.DiplomaticRank, c.HeadOfMissionClass?.ToString(),
        c.CredentialsPresented?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        c.Email, c.Phone, c.Language, c.Category?.Name, c.Tags, c.LatinName, c.MissionId,
        c.ArrivalNotified?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), c.NotifiedOrder, c.ManualRank, c.HeadsInternationalOrganization,
        c.NameOrder?.ToString(), c.SpouseHonorific, c.SpouseFirstName, c.SpouseLastName, c.NotNamedPublicly,
        c.Gender?.ToString());

    private static ContactInput ToInput(ContactBody b) => new()
    {
        Honorific = b.Honorific,
        FirstName = b.FirstName,
        LastName = b.LastName,
        LatinName = b.LatinName,
        Position = b.Position,
        DiplomaticRank = b.DiplomaticRank,
        HeadOfMissionClass = b.HeadOfMissionClass,
        CredentialsPresented = b.CredentialsPresented,
        ArrivalNotified = b.ArrivalNotified,
        NotifiedOrder = b.NotifiedOrder,
        ManualRank = b.ManualRank,
        Email = b.Email,
        Phone = b.Phone,
        Language = b.Language,
        Category = b.Category,
        Tags = b.Tags,
        OrganizationName = b.Organization?.Name,
        OrganizationType = b.Organization?.Type,
        OrganizationCountry = b.Organization?.Country,
        SpouseHonorific = b.SpouseHonorific,
        SpouseFirstName = b.SpouseFirstName,
        SpouseLastName = b.SpouseLastName,
        Notes = b.Notes,
    };

    private static async Task<Ok<List<ContactDto>>> ListAsync(ContactDirectory directory, MissionScope scope,
        string? q, string? category, OrganizationType? organizationType, string? tag, string? country, Guid? missionId, int? limit, int? offset)
    {
        // Only the missions where the caller reads the directory (a Door member there sees nobody of it).
        var rows = await directory.PageAsync(new(q, category, organizationType, tag, country, missionId, Missions: scope.MissionsWhere(ContactDirectory.Readers)),
            Paging.Offset(offset), Paging.Limit(limit));
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static readonly MissionRole[] Changers = [MissionRole.Protocol];

    private static async Task<Ok<ContactDto>> GetAsync(Guid id, ContactDirectory directory, MissionScope scope) =>
        TypedResults.Ok(ToDto(await scope.FindAsync(directory.ReadToShowAsync(id), "contact", ContactDirectory.Readers)));

    private static async Task<Created<ContactDto>> CreateAsync(ContactBody body, ContactDirectory directory, MissionScope scope)
    {
        var missionId = scope.RequireTargetMission(body.MissionId, MissionRole.Protocol);
        var contact = await SaveAsync(directory, missionId, null, body);
        return TypedResults.Created($"/api/contacts/{contact.Id}", ToDto(contact));
    }

    private static async Task<Ok<ContactDto>> UpdateAsync(Guid id, ContactBody body, ContactDirectory directory, MissionScope scope)
    {
        var existing = await scope.FindAsync(directory.One(id, track: true), "contact", Changers);
        return TypedResults.Ok(ToDto(await SaveAsync(directory, existing.MissionId, existing, body)));
    }

    // The form's flat organization fields are one object in the API's body: a refusal names them as the body does.
    private static readonly Dictionary<string, string> BodyNames = new()
    {
        [nameof(ContactInput.OrganizationName)] = "organization.name",
        [nameof(ContactInput.OrganizationType)] = "organization.type",
        [nameof(ContactInput.OrganizationCountry)] = "organization.country",
    };

    private static async Task<Contact> SaveAsync(ContactDirectory directory, Guid missionId, Contact? existing, ContactBody body)
    {
        try
        {
            var input = ToInput(body);
            // API.md's headOfOrganization; left out of a PUT, the person keeps what they had.
            input.HeadsInternationalOrganization = body.HeadOfOrganization ?? existing?.HeadsInternationalOrganization ?? false;
            input.NotNamedPublicly = body.NotNamedPublicly ?? existing?.NotNamedPublicly ?? false;
            // Likewise nameOrder; "" sets it back to the order the name's script and language give.
            input.NameOrder = body.NameOrder ?? existing?.NameOrder?.ToString();
            // And gender: "" reads it from the honorific again.
            input.Gender = body.Gender ?? existing?.Gender?.ToString();
            return await directory.SaveAsync(missionId, existing, input);
        }
        catch (Domain.DomainException e) when (e.Errors.Keys.Any(BodyNames.ContainsKey))
        {
            throw new Domain.DomainException(e.Errors.ToDictionary(x => BodyNames.GetValueOrDefault(x.Key, x.Key), x => x.Value), e.Message);
        }
    }

    private static async Task<NoContent> DeleteAsync(Guid id, ContactDirectory directory, MissionScope scope)
    {
        await directory.DeleteAsync(await scope.FindAsync(directory.One(id, track: true), "contact", Changers));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ImportResponse>, UnprocessableEntity<ImportResponse>>> ImportAsync(
        IFormFile? file, [FromQuery] bool? dryRun, [FromQuery] Guid? missionId, ContactImporter importer, MissionScope scope, CancellationToken ct)
    {
        var target = scope.RequireTargetMission(missionId, MissionRole.Protocol);
        await using var stream = file?.OpenReadStream();
        var upload = await importer.ReadAsync(stream, file?.Length ?? 0, file?.FileName, ct);
        var report = await importer.RunAsync(target, upload.Sheet, apply: dryRun != true, fileName: upload.FileName, ct: ct);
        var response = new ImportResponse(report.Created, report.Updated, report.Unchanged, report.Errors, report.Warnings, report.NewOrganizations, report.NewCategories);
        return report.IsValid ? TypedResults.Ok(response) : TypedResults.UnprocessableEntity(response);
    }

    private static async Task<FileContentHttpResult> ExportCsvAsync(ContactDirectory directory, MissionScope scope, string? q, string? category, OrganizationType? organizationType, string? tag, string? country, Guid? missionId) =>
        TypedResults.File(ContactExport.Csv(await directory.ExportRowsAsync(scope, new(q, category, organizationType, tag, country, missionId))),
            "text/csv; charset=utf-8", "contacts.csv");

    private static async Task<FileContentHttpResult> ExportXlsxAsync(ContactDirectory directory, MissionScope scope, string? q, string? category, OrganizationType? organizationType, string? tag, string? country, Guid? missionId) =>
        TypedResults.File(ContactExport.Xlsx(await directory.ExportRowsAsync(scope, new(q, category, organizationType, tag, country, missionId))),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "contacts.xlsx");

    private static async Task<ContentHttpResult> PersonalDataAsync(Guid id, ContactDirectory directory, PersonalData personal, MissionScope scope) =>
        TypedResults.Content(await personal.ExportAsync(await scope.FindAsync(directory.One(id), "contact", Changers)), "application/json");

    private static async Task<NoContent> EraseAsync(Guid id, ContactDirectory directory, PersonalData personal, MissionScope scope)
    {
        await personal.EraseAsync(await scope.FindAsync(directory.One(id, track: true), "contact", Changers));
        return TypedResults.NoContent();
    }
}
