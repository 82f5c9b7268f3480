using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Api;

/// <summary>
/// API.md "Newsroom": the draft written from an event, the items and their steps to publication, the press office's
/// own templates. The Press role writes, submits and approves another's item; an Admin also publishes at once with a
/// reason. The public pages and feeds are not here (<see cref="Pages.Public.News.NewsEndpoints"/>).
/// </summary>
public static class NewsApi
{
    public sealed record DraftDto(string Title, string Body, string Language);
    public sealed record NewsBody(string? Title, string? Body, string? Language, Guid? EventId = null, Guid? TranslationOf = null,
        bool Publish = false, string? Reason = null, Guid? MissionId = null);
    public sealed record UpdateBody(string? Title, string? Body, string? ChangeNote = null, int? Version = null);
    /// <summary><c>publishAt</c> with an offset, or on the mission's clock without one; <c>version</c>, the version read.</summary>
    public sealed record ApproveBody(string? PublishAt = null, int? Version = null);
    public sealed record ReasonBody(string? Reason);
    public sealed record NoticeBody(string? Notice);
    public sealed record PreviewBody(string? Body);
    public sealed record HtmlDto(string Html);
    public sealed record LinkDto(string Url);
    public sealed record VersionDto(Guid Id, string Language, string Slug, string State, bool Primary);
    public sealed record ChangeDto(DateTimeOffset At, string Note);
    public sealed record NewsDto(Guid Id, string Slug, string Url, string State, string Title, string Body, string Language, Guid? EventId, Guid StoryId,
        bool Primary, string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, string? ApprovedBy,
        DateTimeOffset? ApprovedAt, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, string? PublishedWithoutApprovalBecause,
        DateTimeOffset? WithdrawnAt, string? WithdrawalNotice, bool HasPreviewLink, List<VersionDto> Versions, List<ChangeDto> Changes, int Version);
    public sealed record NewsSummaryDto(Guid Id, string Slug, string State, string Title, string Language, Guid StoryId, bool Primary, string Author,
        DateTimeOffset UpdatedAt, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt);
    public sealed record TemplateDto(string Language, string Text, bool Shipped);
    public sealed record PhotoDto(Guid Id, bool Lead, int Width, int Height, string Alt, string? Caption, string? Credit, Dictionary<string, string> Urls);
    public sealed record PhotoBody(string? Alt, string? Caption, string? Credit, bool Lead = false);
    public sealed record TemplateBody(string? Text, Guid? MissionId = null);

    private static readonly MissionRole[] Writers = Newsroom.Writers;

    public static RouteGroupBuilder MapNewsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events/{id:guid}/news/draft", DraftAsync).WithTags("Newsroom").RequireAuthorization(Policies.Press)
            .WithSummary("A news item written from the event's data, in the language asked for (not saved)");

        var news = api.MapGroup("/news").WithTags("Newsroom").RequireAuthorization(Policies.Press);
        news.MapGet("/", ListAsync).WithSummary("The mission's items, newest change first");
        news.MapPost("/", CreateAsync).WithSummary("A new item (or a translation of one); publish: true with a reason publishes at once (Admin)");
        news.MapGet("/{id:guid}", GetAsync);
        news.MapPut("/{id:guid}", UpdateAsync).WithSummary("New words; a published item needs a changeNote, which readers see");
        news.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Only an item never published; a published one is withdrawn");
        news.MapPost("/{id:guid}/submit", SubmitAsync).WithSummary("Ask for a second person's approval");
        news.MapPost("/{id:guid}/approve", ApproveAsync).WithSummary("Another person's approval: published now, or at publishAt (an optional body {publishAt})");
        news.MapPost("/{id:guid}/return", ReturnAsync).WithSummary("Back to draft, with what should change");
        news.MapPost("/{id:guid}/publish", PublishAsync).WithSummary("Publish at once without approval, with a written reason (Admin)");
        news.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithSummary("Take a published item down; its address shows the notice");
        news.MapPost("/{id:guid}/preview-link", PreviewLinkAsync).WithSummary("A new secret link showing the item as it stands; earlier links stop working");
        news.MapDelete("/{id:guid}/preview-link", RevokePreviewAsync);
        news.MapGet("/{id:guid}/photos", PhotosAsync).WithSummary("The story's gallery, lead first, with the words in this version's language");
        news.MapPost("/{id:guid}/photos", AddPhotoAsync).DisableAntiforgery()
            .WithSummary("A photo (multipart: file, alt, caption, credit, lead): JPEG, PNG or WebP by content, at most 15 MB and 40 million pixels; EXIF removed");
        news.MapPut("/{id:guid}/photos/{photoId:guid}", UpdatePhotoAsync).WithSummary("The photo's alt text, caption and credit in this version's language; lead");
        news.MapDelete("/{id:guid}/photos/{photoId:guid}", DeletePhotoAsync);
        news.MapGet("/{id:guid}/photos/{photoId:guid}/{size}", PhotoFileAsync).WithSummary("One size of the photo (large, medium, thumb) as JPEG");
        news.MapPost("/preview", PreviewAsync).WithSummary("Markdown as the public page will show it (sanitised HTML)");
        news.MapGet("/templates/{language}", TemplateAsync).WithSummary("The draft's wording in a language: the mission's own, else the shipped one");
        news.MapPut("/templates/{language}", SaveTemplateAsync).WithSummary("The mission's own wording (a Liquid template)");
        news.MapDelete("/templates/{language}", DeleteTemplateAsync).WithSummary("Back to the shipped wording");
        return api;
    }

    private static async Task<Ok<DraftDto>> DraftAsync(Guid id, string? language, NewsDrafts drafts, CancellationToken ct)
    {
        var draft = await drafts.WriteAsync(id, language, ct);
        return TypedResults.Ok(new DraftDto(draft.Title, draft.Body, draft.Language));
    }

    private static async Task<Ok<List<NewsSummaryDto>>> ListAsync(Newsroom newsroom, MissionScope scope, string? state, int? limit, int? offset, CancellationToken ct)
    {
        // Only the missions where the caller is of the press office (a Door member elsewhere sees nothing there).
        var missions = scope.MissionsWhere(Writers);
        var q = newsroom.Items.AsNoTracking().Where(n => missions.Contains(n.MissionId));
        if (state is not null)
        {
            q = Enum.TryParse<NewsState>(state, ignoreCase: true, out var s) ? q.Where(n => n.State == s)
                : throw new DomainException($"'{state}' is not a state: draft, submitted, scheduled, published or withdrawn.", "state");
        }
        var items = await q.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Skip(Paging.Offset(offset)).Take(Paging.Limit(limit)).ToListAsync(ct);
        return TypedResults.Ok(items.Select(n => new NewsSummaryDto(n.Id, n.Slug, Name(n.State), n.Title, n.Language, n.StoryId, n.IsPrimary, n.AuthorName,
            n.UpdatedAt, n.PublishAt, n.PublishedAt)).ToList());
    }

    private static async Task<Created<NewsDto>> CreateAsync(NewsBody body, Newsroom newsroom, MissionScope scope, ChanceryDb db,
        HttpContext http, CancellationToken ct)
    {
        var missionId = scope.RequireTargetMission(body.MissionId, Writers);
        var item = await newsroom.CreateAsync(missionId, new NewsInput(body.Title, body.Body, body.Language, body.EventId, body.TranslationOf),
            body.Publish ? body.Reason ?? "" : null, ct);
        return TypedResults.Created($"/api/news/{item.Id}", await DtoAsync(db, item, http, ct));
    }

    private static async Task<Ok<NewsDto>> GetAsync(Guid id, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await DtoAsync(db, await newsroom.FindAsync(id, ct), http, ct));

    private static Task<Ok<NewsDto>> UpdateAsync(Guid id, UpdateBody body, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct) =>
        Step(id, newsroom, db, http, (item, c) => newsroom.UpdateAsync(item, new NewsInput(body.Title, body.Body, item.Language), body.ChangeNote, body.Version, c), ct);

    private static async Task<NoContent> DeleteAsync(Guid id, Newsroom newsroom, CancellationToken ct)
    {
        await newsroom.DeleteAsync(await newsroom.FindAsync(id, ct), ct);
        return TypedResults.NoContent();
    }

    private static Task<Ok<NewsDto>> SubmitAsync(Guid id, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct) =>
        Step(id, newsroom, db, http, newsroom.SubmitAsync, ct);

    // The body is optional (no body: publish now), so it is read only when one was sent, and one that cannot be read
    // is a 400 as a required body's would be.
    private static async Task<Ok<NewsDto>> ApproveAsync(Guid id, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct)
    {
        var body = await OptionalBodyAsync<ApproveBody>(http.Request, ct);
        return await Step(id, newsroom, db, http, async (item, c) =>
        {
            var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == item.MissionId, c);
            await newsroom.ApproveAsync(item, MissionTime(body?.PublishAt, mission), body?.Version, c);
        }, ct);
    }

    private static Task<Ok<NewsDto>> ReturnAsync(Guid id, ReasonBody body, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct) =>
        Step(id, newsroom, db, http, (item, c) => newsroom.ReturnAsync(item, body.Reason, c), ct);

    private static Task<Ok<NewsDto>> PublishAsync(Guid id, ReasonBody body, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct) =>
        Step(id, newsroom, db, http, (item, c) => newsroom.PublishNowAsync(item, body.Reason, c), ct);

    private static Task<Ok<NewsDto>> WithdrawAsync(Guid id, NoticeBody body, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct) =>
        Step(id, newsroom, db, http, (item, c) => newsroom.WithdrawAsync(item, body.Notice, c), ct);

    private static async Task<Ok<LinkDto>> PreviewLinkAsync(Guid id, Newsroom newsroom, ChanceryDb db, HttpContext http, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        var token = await newsroom.NewPreviewTokenAsync(item, ct);
        return TypedResults.Ok(new LinkDto(await PublicRootAsync(db, item.MissionId, http, ct) + "/preview/" + token));
    }

    private static async Task<NoContent> RevokePreviewAsync(Guid id, Newsroom newsroom, CancellationToken ct)
    {
        await newsroom.RevokePreviewAsync(await newsroom.FindAsync(id, ct), ct);
        return TypedResults.NoContent();
    }

    private static Ok<HtmlDto> PreviewAsync(PreviewBody body) =>
        TypedResults.Ok(new HtmlDto(NewsMarkdown.Html((body.Body ?? "")[..Math.Min(body.Body?.Length ?? 0, NewsRules.BodyLength)])));

    private static async Task<Ok<TemplateDto>> TemplateAsync(string language, Guid? missionId, NewsTemplates templates, MissionScope scope, CancellationToken ct) =>
        TypedResults.Ok(Dto(await templates.ReadAsync(Target(scope, missionId), language, ct)));

    private static async Task<Ok<TemplateDto>> SaveTemplateAsync(string language, TemplateBody body, NewsTemplates templates, MissionScope scope, CancellationToken ct) =>
        TypedResults.Ok(Dto(await templates.SaveAsync(Target(scope, body.MissionId), language, body.Text, ct)));

    private static async Task<NoContent> DeleteTemplateAsync(string language, Guid? missionId, NewsTemplates templates, MissionScope scope, CancellationToken ct)
    {
        await templates.ResetAsync(Target(scope, missionId), language, ct);
        return TypedResults.NoContent();
    }

    private static TemplateDto Dto(NewsTemplates.Wording w) => new(w.Language, w.Text, w.Shipped);

    private static async Task<Ok<List<PhotoDto>>> PhotosAsync(Guid id, Newsroom newsroom, NewsPhotos photos, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        return TypedResults.Ok((await photos.OfStoryAsync(item.StoryId, item.Language, ct)).Select(p => PhotoDtoOf(id, p)).ToList());
    }

    private static async Task<Created<PhotoDto>> AddPhotoAsync(Guid id, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? alt, [Microsoft.AspNetCore.Mvc.FromForm] string? caption,
        [Microsoft.AspNetCore.Mvc.FromForm] string? credit, [Microsoft.AspNetCore.Mvc.FromForm] bool? lead, Newsroom newsroom, NewsPhotos photos, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        if (file is null)
        {
            throw new DomainException("Send the photo as the form's 'file' field.", "File");
        }
        NewsPhotos.CheckSize(file.Length);
        await using var upload = file.OpenReadStream();
        var photo = await photos.AddAsync(item, upload, new PhotoText(alt, caption, credit), lead ?? false, ct);
        var shown = (await photos.OfStoryAsync(item.StoryId, item.Language, ct)).Single(p => p.Photo.Id == photo.Id);
        return TypedResults.Created($"/api/news/{id}/photos/{photo.Id}", PhotoDtoOf(id, shown));
    }

    private static async Task<Ok<PhotoDto>> UpdatePhotoAsync(Guid id, Guid photoId, PhotoBody body, Newsroom newsroom, NewsPhotos photos, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        await photos.UpdateAsync(item, photoId, new PhotoText(body.Alt, body.Caption, body.Credit), body.Lead, ct);
        return TypedResults.Ok(PhotoDtoOf(id, (await photos.OfStoryAsync(item.StoryId, item.Language, ct)).Single(p => p.Photo.Id == photoId)));
    }

    private static async Task<NoContent> DeletePhotoAsync(Guid id, Guid photoId, Newsroom newsroom, NewsPhotos photos, CancellationToken ct)
    {
        await photos.DeleteAsync(await newsroom.FindAsync(id, ct), photoId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> PhotoFileAsync(Guid id, Guid photoId, string size, Newsroom newsroom, NewsPhotos photos, ChanceryDb db, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        var photo = await db.NewsPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.StoryId == item.StoryId, ct);
        return photo is not null && photos.Open(photo, size) is { } file ? Results.Stream(file, "image/jpeg") : throw DomainException.NotFound("photo of that size (large, medium or thumb)");
    }

    private static PhotoDto PhotoDtoOf(Guid itemId, ShownPhoto p) => new(p.Photo.Id, p.Photo.IsLead, p.Photo.Width, p.Photo.Height, p.Alt, p.Caption, p.Credit,
        NewsPhotos.Sizes.ToDictionary(s => s.Name, s => $"/api/news/{itemId}/photos/{p.Photo.Id}/{s.Name}"));

    private static async Task<T?> OptionalBodyAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return null;
        }
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException($"Expected a JSON body (Content-Type: application/json), not '{request.ContentType}'.", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            return await request.ReadFromJsonAsync<T>(ct);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not JSON of the expected shape.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static Guid Target(MissionScope scope, Guid? missionId) =>
        scope.RequireTargetMission(missionId, Writers);

    private static async Task<Ok<NewsDto>> Step(Guid id, Newsroom newsroom, ChanceryDb db, HttpContext http, Func<NewsItem, CancellationToken, Task> step, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        await step(item, ct);
        return TypedResults.Ok(await DtoAsync(db, item, http, ct));
    }

    // "2026-12-01T09:00+01:00" as written; "2026-12-01T09:00" on the mission's clock, as every local time in this API.
    private static DateTimeOffset? MissionTime(string? text, Domain.Missions.Mission mission)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"(Z|[+-]\d{2}:?\d{2})$"))
        {
            if (DateTimeOffset.TryParse(text, invariant, System.Globalization.DateTimeStyles.None, out var exact))
            {
                return exact;
            }
        }
        else if (DateTime.TryParse(text, invariant, System.Globalization.DateTimeStyles.None, out var local))
        {
            return NewsRules.OnMissionClock(local, mission.TimeZone);
        }
        throw new DomainException($"'{text}' is not a time such as 2026-12-01T09:00 (the mission's clock) or 2026-12-01T09:00+01:00.", "PublishAt");
    }

    private static string Name(NewsState state) => state.ToString().ToLowerInvariant();

    /// <summary>The mission's public news address: its own host name where it has one, else /m/{slug} on this host.</summary>
    private static async Task<string> PublicRootAsync(ChanceryDb db, Guid missionId, HttpContext http, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct);
        return http.RequestServices.GetRequiredService<PublicUrls>().SiteOf(mission) + "/news";
    }

    private static async Task<NewsDto> DtoAsync(ChanceryDb db, NewsItem n, HttpContext http, CancellationToken ct)
    {
        var versions = await db.NewsItems.AsNoTracking().Where(x => x.StoryId == n.StoryId).OrderByDescending(x => x.IsPrimary).ThenBy(x => x.Language)
            .Select(x => new { x.Id, x.Language, x.Slug, x.State, x.IsPrimary }).ToListAsync(ct);
        var changes = await db.NewsChangeNotes.AsNoTracking().Where(c => c.NewsItemId == n.Id).OrderByDescending(c => c.At).ToListAsync(ct);
        return new NewsDto(n.Id, n.Slug, $"{await PublicRootAsync(db, n.MissionId, http, ct)}/{n.Slug}", Name(n.State), n.Title, n.Body, n.Language, n.EventId,
            n.StoryId, n.IsPrimary, n.AuthorName, n.CreatedAt, n.UpdatedAt, n.SubmittedAt, n.ApprovedByName, n.ApprovedAt, n.PublishAt, n.PublishedAt,
            n.PublishedWithoutApprovalBecause, n.WithdrawnAt, n.WithdrawalNotice, n.PreviewToken is not null,
            [.. versions.Select(v => new VersionDto(v.Id, v.Language, v.Slug, Name(v.State), v.IsPrimary))],
            [.. changes.Select(c => new ChangeDto(c.At, c.Note))], n.Version);
    }
}
