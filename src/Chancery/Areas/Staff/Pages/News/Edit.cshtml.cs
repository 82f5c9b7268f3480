using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.News;

/// <summary>
/// One item: its words with a live preview of the public page, and the steps its state allows — submit, approve
/// (someone else), send back, publish at once (an administrator, with a reason), withdraw, a secret preview link, a
/// version in another language (written from the event again where there is one).
/// </summary>
public sealed class EditModel(ChanceryDb db, Newsroom newsroom, NewsDrafts drafts, NewsPhotos photos, MissionScope scope) : PageModel
{
    public NewsItem? Item { get; private set; }
    public Mission Mission { get; private set; } = null!;
    public IReadOnlyList<NewsItem> Versions { get; private set; } = [];
    public IReadOnlyList<NewsChangeNote> Changes { get; private set; } = [];
    public IReadOnlyList<ShownPhoto> Photos { get; private set; } = [];
    public string PreviewHtml { get; private set; } = "";
    public string PublicRoot { get; private set; } = "";
    public bool IsAuthor => Item?.AuthorId is { } a && a == scope.UserId;
    public bool CanPublishAtOnce => Item is not null && newsroom.MayPublishAtOnce(Item);
    public IReadOnlyList<string> Languages => NewsWords.Shipped;

    [BindProperty]
    public NewsForm Input { get; set; } = new();

    public sealed class NewsForm
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? Language { get; set; } = "en";
        public string? ChangeNote { get; set; }
        /// <summary>The version the form was read at: a save over someone else's is refused, not lost.</summary>
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } itemId)
        {
            await LoadAsync(itemId, ct);
            Input = new NewsForm { Title = Item!.Title, Body = Item.Body, Language = Item.Language, Version = Item.Version };
        }
        else
        {
            await LoadMissionAsync(scope.Current!.MissionId, ct);
        }
        PreviewHtml = NewsMarkdown.Html(Input.Body ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        try
        {
            if (id is { } itemId)
            {
                await LoadAsync(itemId, ct);
                var published = Item!.State == NewsState.Published;
                await newsroom.UpdateAsync(await newsroom.FindAsync(itemId, ct), new NewsInput(Input.Title, Input.Body, Item.Language), Input.ChangeNote, Input.Version, ct);
                TempData["Notice"] = published ? "Saved: the public page shows it now, with your note." : "Saved.";
                return Redirect($"/staff/news/edit/{itemId}");
            }
            var missionId = scope.TargetMission(null, Newsroom.Writers) ?? throw DomainException.NotFound("mission");
            var item = await newsroom.CreateAsync(missionId, new NewsInput(Input.Title, Input.Body, Input.Language), ct: ct);
            TempData["Notice"] = "Saved as a draft.";
            return Redirect($"/staff/news/edit/{item.Id}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
            if (id is { } again)
            {
                await LoadAsync(again, ct);
            }
            else
            {
                await LoadMissionAsync(scope.Current!.MissionId, ct);
            }
            PreviewHtml = NewsMarkdown.Html(Input.Body ?? "");
            return Page();
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, item => newsroom.SubmitAsync(item, ct), "Submitted: another member of the press office or the head of mission approves it.", ct);

    /// <summary>Approved now, or for <paramref name="publishAt"/> on the mission's clock.</summary>
    public Task<IActionResult> OnPostApproveAsync(Guid id, DateTime? publishAt, int version, CancellationToken ct) =>
        StepAsync(id, async item =>
        {
            DateTimeOffset? at = publishAt is { } local ? NewsRules.OnMissionClock(local, Mission.TimeZone) : null;
            await newsroom.ApproveAsync(item, at, version, ct);
        }, "Approved.", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, string? reason, CancellationToken ct) =>
        StepAsync(id, item => newsroom.ReturnAsync(item, reason, ct), "Sent back to its writer.", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, string? reason, CancellationToken ct) =>
        StepAsync(id, item => newsroom.PublishNowAsync(item, reason, ct), "Published, without a second approval; your reason is in the audit.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? notice, CancellationToken ct) =>
        StepAsync(id, item => newsroom.WithdrawAsync(item, notice, ct), "Withdrawn: its address now shows your notice.", ct);

    public Task<IActionResult> OnPostPreviewLinkAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, item => newsroom.NewPreviewTokenAsync(item, ct), "A new preview link is below; an earlier one no longer works.", ct);

    public Task<IActionResult> OnPostRevokePreviewAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, item => newsroom.RevokePreviewAsync(item, ct), "The preview link no longer works.", ct);

    /// <summary>The same story in another language: written from its event again where it has one, else a copy to translate.</summary>
    public Task<IActionResult> OnPostTranslateAsync(Guid id, string? language, CancellationToken ct) =>
        StepAsync(id, async item =>
        {
            var version = await drafts.TranslateAsync(item, language, ct);
            TempData["Notice"] = $"A {Words.Language(version.Language)} version to write: it goes through approval on its own.";
            return $"/staff/news/edit/{version.Id}";
        }, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, async item =>
        {
            await newsroom.DeleteAsync(item, ct);
            TempData["Notice"] = "Deleted.";
            return "/staff/news";
        }, ct);

    /// <summary>One size of one of the story's photos, for this page.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photo, string size, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        var found = await db.NewsPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photo && p.StoryId == item.StoryId, ct);
        return found is not null && photos.Open(found, size) is { } file ? File(file, "image/jpeg") : NotFound();
    }

    public Task<IActionResult> OnPostAddPhotoAsync(Guid id, IFormFile? file, string? alt, string? caption, string? credit, bool lead, CancellationToken ct) =>
        StepAsync(id, async item =>
        {
            if (file is null)
            {
                throw new DomainException("Choose the photo to upload.", "File");
            }
            NewsPhotos.CheckSize(file.Length);
            await using var upload = file.OpenReadStream();
            await photos.AddAsync(item, upload, new PhotoText(alt, caption, credit), lead, ct);
        }, "The photo is added: its location and camera data were removed.", ct);

    public Task<IActionResult> OnPostUpdatePhotoAsync(Guid id, Guid photo, string? alt, string? caption, string? credit, bool lead, CancellationToken ct) =>
        StepAsync(id, item => photos.UpdateAsync(item, photo, new PhotoText(alt, caption, credit), lead, ct), "The photo's words are saved.", ct);

    public Task<IActionResult> OnPostDeletePhotoAsync(Guid id, Guid photo, CancellationToken ct) =>
        StepAsync(id, item => photos.DeleteAsync(item, photo, ct), "The photo is removed.", ct);

    /// <summary>The live preview: the Markdown as the public page will show it, sanitised on the server.</summary>
    public ContentResult OnPostPreview(string? body) =>
        Content(NewsMarkdown.Html((body ?? "")[..Math.Min(body?.Length ?? 0, NewsRules.BodyLength)]), "text/html; charset=utf-8");

    private Task<IActionResult> StepAsync(Guid id, Func<NewsItem, Task> step, string done, CancellationToken ct) =>
        StepAsync(id, async item =>
        {
            await step(item);
            TempData["Notice"] = done;
            return $"/staff/news/edit/{id}";
        }, ct);

    // A refusal (not yours to approve, a reason missing, the wrong state) comes back above the item in its own words.
    private async Task<IActionResult> StepAsync(Guid id, Func<NewsItem, Task<string>> step, CancellationToken ct)
    {
        var item = await newsroom.FindAsync(id, ct);
        await LoadMissionAsync(item.MissionId, ct);
        try
        {
            return Redirect(await step(item));
        }
        catch (DomainException e) when (e.IsForTheForm
            // One of the press office refused a step (approving their own item): said on the item's page, not an access-denied page.
            || (e.Kind == DomainErrorKind.Forbidden && scope.Can(item.MissionId, Newsroom.Writers)))
        {
            ModelState.AddDomainErrors(e, "");
            // The item as the database has it: a step refused half-way may have changed the tracked one (its state, its version).
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Input = new NewsForm { Title = Item!.Title, Body = Item.Body, Language = Item.Language, Version = Item.Version };
            PreviewHtml = NewsMarkdown.Html(Input.Body);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await newsroom.FindAsync(id, ct);
        await LoadMissionAsync(Item.MissionId, ct);
        Versions = await db.NewsItems.AsNoTracking().Where(n => n.StoryId == Item.StoryId).OrderByDescending(n => n.IsPrimary).ThenBy(n => n.Language).ToListAsync(ct);
        Changes = await db.NewsChangeNotes.AsNoTracking().Where(c => c.NewsItemId == id).OrderByDescending(c => c.At).ToListAsync(ct);
        Photos = await photos.OfStoryAsync(Item.StoryId, Item.Language, ct);
    }

    private async Task LoadMissionAsync(Guid missionId, CancellationToken ct)
    {
        Mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct);
        PublicRoot = HttpContext.RequestServices.GetRequiredService<PublicUrls>().SiteOf(Mission) + "/news";
    }
}
