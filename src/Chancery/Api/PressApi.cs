using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>
/// API.md "Press coverage": the archive of articles (docs/press.md). Press and Protocol keep it (Admin too); Door
/// reads nothing; another mission's article is a 404. <c>from-link</c> reads a page's fields for a person to check.
/// </summary>
public static class PressApi
{
    public sealed record ArticleBody(string? Outlet, string? Country, string? Language, string? PublishedOn, string? Title, string? TranslatedTitle,
        string? Author, string? Url, string? Summary, List<string>? Tags, List<Guid>? EventIds, List<Guid>? ContactIds, string? TextCopy = null, Guid? MissionId = null);
    public sealed record ArticleDto(Guid Id, string Outlet, string? Country, string? Language, string? PublishedOn, string Title, string? TranslatedTitle,
        string? Author, string? Url, string? Summary, IReadOnlyList<string> Tags, IReadOnlyList<Guid> EventIds, IReadOnlyList<Guid> ContactIds,
        bool HasTextCopy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, ClippingDto? Clipping);
    public sealed record ClippingDto(string Kind, int? Width, int? Height, Dictionary<string, string> Urls);
    public sealed record LinkBody(string? Url);
    public sealed record CountDto(string Key, int Count);
    public sealed record StatsDto(int Total, List<CountDto> ByCountry, List<CountDto> ByMonth);
    public sealed record LinkDto(string Url, string? Title, string? Outlet, string? PublishedOn, string? Language, string? Author, string? Summary,
        string? ImageUrl, string? TextCopy);

    private static readonly MissionRole[] Keepers = PressArchive.Keepers;

    public static RouteGroupBuilder MapPressApi(this RouteGroupBuilder api)
    {
        var press = api.MapGroup("/press").WithTags("Press coverage").RequireAuthorization(Policies.Coverage);
        press.MapGet("/", ListAsync).WithSummary("Articles, newest first: q (words in any script), country, language, outlet, tag, eventId, from, to (yyyy-MM-dd)");
        press.MapPost("/", CreateAsync);
        press.MapGet("/stats", StatsAsync).WithSummary("Of the articles the filters find (as the list's): how many, per country and per month (yyyy-MM)");
        press.MapGet("/export.xlsx", ExportAsync).WithSummary("The articles the filters find, as a workbook");
        press.MapGet("/{id:guid}", GetAsync);
        press.MapPut("/{id:guid}", UpdateAsync);
        press.MapDelete("/{id:guid}", DeleteAsync);
        press.MapPost("/{id:guid}/clipping", ClippingAsync).DisableAntiforgery()
            .WithSummary("The clipping (multipart: file): a JPEG, PNG or WebP picture (15 MB, 40 million pixels; kept as three JPEG sizes without EXIF) or a PDF (20 MB, no scripts), by content");
        press.MapGet("/{id:guid}/clipping/{size}", ClippingFileAsync).WithSummary("The clipping: pdf, or a picture's large, medium or thumb");
        press.MapPost("/from-link", FromLinkAsync).WithSummary("The fields an article's page gives (Open Graph, article metadata, lang, its text), not saved");
        return api;
    }

    private static async Task<Ok<List<ArticleDto>>> ListAsync(PressArchive archive, MissionScope scope, string? q, string? country, string? language, string? outlet,
        string? tag, Guid? eventId, string? from, string? to, int? limit, int? offset, CancellationToken ct)
    {
        var found = await Found(archive, scope, q, country, language, outlet, tag, eventId, from, to).Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).ToListAsync(ct);
        return TypedResults.Ok(found.Select(Dto).ToList());
    }

    private static IQueryable<PressArticle> Found(PressArchive archive, MissionScope scope, string? q, string? country, string? language, string? outlet,
        string? tag, Guid? eventId, string? from, string? to)
    {
        var missions = scope.MissionsWhere(Keepers);
        return archive.Search(new PressFilter(q, country, language, outlet, tag, eventId, Day(from, "from"), Day(to, "to"))).Where(a => missions.Contains(a.MissionId));
    }

    private static async Task<Ok<StatsDto>> StatsAsync(PressArchive archive, MissionScope scope, string? q, string? country, string? language, string? outlet,
        string? tag, Guid? eventId, string? from, string? to, CancellationToken ct)
    {
        var rows = await Found(archive, scope, q, country, language, outlet, tag, eventId, from, to).Select(a => new { a.Country, a.PublishedOn }).ToListAsync(ct);
        return TypedResults.Ok(new StatsDto(rows.Count,
            [.. rows.GroupBy(a => a.Country ?? "").Select(g => new CountDto(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)],
            [.. rows.Where(a => a.PublishedOn is not null).GroupBy(a => a.PublishedOn!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
                .Select(g => new CountDto(g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal)]));
    }

    private static async Task<FileContentHttpResult> ExportAsync(PressArchive archive, MissionScope scope, string? q, string? country, string? language, string? outlet,
        string? tag, Guid? eventId, string? from, string? to, CancellationToken ct)
    {
        var articles = await Found(archive, scope, q, country, language, outlet, tag, eventId, from, to).Take(PressArchive.MaxExport).ToListAsync(ct);
        return TypedResults.File(PressArchive.Workbook(articles), PressArchive.WorkbookType, "press-coverage.xlsx");
    }

    private static async Task<Created<ArticleDto>> CreateAsync(ArticleBody body, PressArchive archive, MissionScope scope, CancellationToken ct)
    {
        var missionId = scope.RequireTargetMission(body.MissionId, Keepers);
        var article = await archive.CreateAsync(missionId, Input(body), ct);
        return TypedResults.Created($"/api/press/{article.Id}", Dto(article));
    }

    private static async Task<Ok<ArticleDto>> GetAsync(Guid id, ChanceryDb db, MissionScope scope, CancellationToken ct) =>
        TypedResults.Ok(Dto(await scope.FindAsync(db.PressArticles.Where(a => a.Id == id), "article", Keepers, ct)));

    private static async Task<Ok<ArticleDto>> UpdateAsync(Guid id, ArticleBody body, ChanceryDb db, PressArchive archive, MissionScope scope, CancellationToken ct)
    {
        var article = await scope.FindAsync(db.PressArticles.AsTracking().Where(a => a.Id == id), "article", Keepers, ct);
        await archive.UpdateAsync(article, Input(body), ct);
        return TypedResults.Ok(Dto(article));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, ChanceryDb db, PressArchive archive, MissionScope scope, CancellationToken ct)
    {
        await archive.DeleteAsync(await scope.FindAsync(db.PressArticles.AsTracking().Where(a => a.Id == id), "article", Keepers, ct), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LinkDto>> FromLinkAsync(LinkBody body, LinkReader reader, CancellationToken ct)
    {
        var f = await reader.ReadAsync(body.Url, ct);
        return TypedResults.Ok(new LinkDto(f.Url, f.Title, f.Outlet, f.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Language,
            f.Author, f.Summary, f.ImageUrl, f.TextCopy));
    }

    private static async Task<Ok<ArticleDto>> ClippingAsync(Guid id, IFormFile? file, ChanceryDb db, Clippings clippings, MissionScope scope, CancellationToken ct)
    {
        var article = await scope.FindAsync(db.PressArticles.AsTracking().Where(a => a.Id == id), "article", Keepers, ct);
        if (file is null)
        {
            throw new DomainException("Send the clipping as the form's 'file' field.", "File");
        }
        Clippings.CheckSize(file.Length);
        await using var upload = file.OpenReadStream();
        await clippings.SaveAsync(article, upload, ct);
        return TypedResults.Ok(Dto(article));
    }

    private static async Task<IResult> ClippingFileAsync(Guid id, string size, ChanceryDb db, Clippings clippings, MissionScope scope, CancellationToken ct)
    {
        var article = await scope.FindAsync(db.PressArticles.Where(a => a.Id == id), "article", Keepers, ct);
        var file = clippings.Open(article, size) ?? throw DomainException.NotFound("clipping of that size (pdf, large, medium or thumb)");
        // A PDF is downloaded, not opened in the app's own origin.
        return size == "pdf"
            ? Results.File(file, "application/pdf", $"clipping-{article.Id:N}.pdf")
            : Results.Stream(file, "image/jpeg");
    }

    private static DateOnly? Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : PressRules.Day(text) ?? throw new DomainException(PressRules.NotADay(text), field);

    private static PressInput Input(ArticleBody b) =>
        new(b.Outlet, b.Country, b.Language, b.PublishedOn, b.Title, b.TranslatedTitle, b.Author, b.Url, b.Summary, b.Tags, b.EventIds, b.ContactIds, b.TextCopy);

    private static ArticleDto Dto(PressArticle a) => new(a.Id, a.Outlet, a.Country, a.Language,
        a.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Title, a.TranslatedTitle, a.Author, a.Url, a.Summary,
        a.Tags, a.EventIds, a.ContactIds, a.TextCopy is not null, a.CreatedAt, a.UpdatedAt,
        a.Clipping switch
        {
            ClippingKind.Pdf => new ClippingDto("pdf", a.ClippingWidth, a.ClippingHeight, new Dictionary<string, string> { ["pdf"] = $"/api/press/{a.Id}/clipping/pdf" }
                .Concat(a.HasPicture ? Domain.News.NewsPhotos.Sizes.Select(s => KeyValuePair.Create(s.Name, $"/api/press/{a.Id}/clipping/{s.Name}")) : []).ToDictionary()),
            ClippingKind.Image => new ClippingDto("image", a.ClippingWidth, a.ClippingHeight, Domain.News.NewsPhotos.Sizes.ToDictionary(s => s.Name, s => $"/api/press/{a.Id}/clipping/{s.Name}")),
            _ => null,
        });
}
