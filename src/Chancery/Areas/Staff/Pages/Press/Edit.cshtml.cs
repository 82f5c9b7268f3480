using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Press;

/// <summary>
/// One article: paste its link and the page's own fields fill the form for you to check; or type them. Its clipping
/// (a picture or a PDF) is uploaded once it is saved.
/// </summary>
public sealed class EditModel(ChanceryDb db, PressArchive archive, Clippings clippings, LinkReader reader, MissionScope scope, Domain.Contacts.ContactDirectory directory) : PageModel
{
    public PressArticle? Article { get; private set; }
    public string? Notice { get; private set; }

    [BindProperty]
    public ArticleForm Input { get; set; } = new();

    public sealed class ArticleForm
    {
        public string? Url { get; set; }
        public string? Outlet { get; set; }
        public string? Country { get; set; }
        public string? Language { get; set; }
        public string? PublishedOn { get; set; }
        public string? Title { get; set; }
        public string? TranslatedTitle { get; set; }
        public string? Author { get; set; }
        public string? Summary { get; set; }
        public string? Tags { get; set; }
        public string? TextCopy { get; set; }
        public List<Guid> EventIds { get; set; } = [];
        public List<Guid> ContactIds { get; set; } = [];
        /// <summary>Words to find people in the directory by (any script), for <see cref="OnPostFindPeopleAsync"/>.</summary>
        public string? People { get; set; }
    }

    /// <summary>The people it concerns, and those the last search of the directory found, to tick.</summary>
    public IReadOnlyList<Domain.Contacts.Contact> People { get; private set; } = [];

    /// <summary>The mission's newest events, and any the article is about however old, to tick.</summary>
    public IReadOnlyList<Domain.Events.Event> Events { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && scope.Current is { } current)
        {
            var linked = Input.EventIds;
            var ct = HttpContext.RequestAborted;
            var missionId = Article == null ? current.MissionId : Article.MissionId;
            Events = await db.Events.AsNoTracking().Where(e => e.MissionId == missionId)
                .OrderByDescending(e => linked.Contains(e.Id)).ThenByDescending(e => e.StartsAtLocal).Take(40 + linked.Count).ToListAsync(ct);
            var ticked = Input.ContactIds;
            var people = await db.Contacts.AsNoTracking().Where(c => c.MissionId == missionId && c.ErasedAt == null && ticked.Contains(c.Id)).ToListAsync(ct);
            if (Domain.Contacts.Text.Clean(Input.People) is { } words)
            {
                people.AddRange(await directory.Search(new Domain.Contacts.ContactDirectory.Filter(words, MissionId: missionId)).AsNoTracking()
                    .Where(c => !ticked.Contains(c.Id)).OrderBy(c => c.SortName).Take(20).ToListAsync(ct));
            }
            People = people;
        }
    }

    private static ArticleForm FormOf(PressArticle a) => new()
    {
        Url = a.Url,
        Outlet = a.Outlet,
        Country = a.Country,
        Language = a.Language,
        Title = a.Title,
        TranslatedTitle = a.TranslatedTitle,
        Author = a.Author,
        Summary = a.Summary,
        Tags = string.Join(", ", a.Tags),
        EventIds = a.EventIds,
        ContactIds = a.ContactIds,
        PublishedOn = a.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } articleId)
        {
            Article = await FindAsync(articleId, ct);
            Input = FormOf(Article);
        }
        return Page();
    }

    /// <summary>People of the directory found by <see cref="ArticleForm.People"/>, added to the form to tick (nothing saved).</summary>
    public async Task<IActionResult> OnPostFindPeopleAsync(Guid? id, CancellationToken ct)
    {
        Article = id is { } articleId ? await FindAsync(articleId, ct) : null;
        ModelState.Clear();
        return Page();
    }

    /// <summary>The page behind the pasted link, read into the form (nothing saved).</summary>
    public async Task<IActionResult> OnPostReadLinkAsync(Guid? id, CancellationToken ct)
    {
        Article = id is { } articleId ? await FindAsync(articleId, ct) : null;
        try
        {
            var f = await reader.ReadAsync(Input.Url, ct);
            Input = new ArticleForm
            {
                Url = f.Url,
                Outlet = f.Outlet,
                Language = f.Language,
                Title = f.Title,
                Author = f.Author,
                Summary = f.Summary,
                TextCopy = f.TextCopy,
                PublishedOn = f.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Country = Input.Country,
                TranslatedTitle = Input.TranslatedTitle,
                Tags = Input.Tags,
                EventIds = Input.EventIds,
                ContactIds = Input.ContactIds,
            };
            ModelState.Clear();
            Notice = "Read from the page: check each field, add the country, a translation and topics, then save.";
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        var input = new PressInput(Input.Outlet, Input.Country, Input.Language, Input.PublishedOn, Input.Title, Input.TranslatedTitle, Input.Author, Input.Url,
            Input.Summary, [.. (Input.Tags ?? "").Split(',', ';').Select(t => t.Trim()).Where(t => t.Length > 0)], Input.EventIds, Input.ContactIds, Input.TextCopy);
        try
        {
            if (id is { } articleId)
            {
                var tracked = await scope.FindAsync(db.PressArticles.AsTracking().Where(a => a.Id == articleId), "article", PressArchive.Keepers, ct);
                await archive.UpdateAsync(tracked, input, ct);
                TempData["Notice"] = "Saved.";
                return Redirect($"/staff/press/edit/{articleId}");
            }
            var missionId = scope.TargetMission(null, PressArchive.Keepers) ?? throw DomainException.NotFound("mission");
            var article = await archive.CreateAsync(missionId, input, ct);
            TempData["Notice"] = "Saved: add its clipping below.";
            return Redirect($"/staff/press/edit/{article.Id}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
            Article = id is { } again ? await FindAsync(again, ct) : null;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostClippingAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        var article = await scope.FindAsync(db.PressArticles.AsTracking().Where(a => a.Id == id), "article", PressArchive.Keepers, ct);
        try
        {
            if (file is null)
            {
                throw new DomainException("Choose the clipping to upload.", "File");
            }
            Clippings.CheckSize(file.Length);
            await using var upload = file.OpenReadStream();
            await clippings.SaveAsync(article, upload, ct);
            TempData["Notice"] = "The clipping is kept.";
            return Redirect($"/staff/press/edit/{id}");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            db.ChangeTracker.Clear();
            Article = await FindAsync(id, ct);
            Input = FormOf(Article);
            return Page();
        }
    }

    /// <summary>The clipping's file for this page (a picture's size, or the PDF as a download).</summary>
    public async Task<IActionResult> OnGetClippingAsync(Guid id, string size, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (clippings.Open(article, size) is not { } file)
        {
            return NotFound();
        }
        return size == "pdf" ? File(file, "application/pdf", $"clipping-{article.Id:N}.pdf") : File(file, "image/jpeg");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await archive.DeleteAsync(await scope.FindAsync(db.PressArticles.AsTracking().Where(a => a.Id == id), "article", PressArchive.Keepers, ct), ct);
        TempData["Notice"] = "The article is removed from the archive.";
        return Redirect("/staff/press");
    }

    private Task<PressArticle> FindAsync(Guid id, CancellationToken ct) =>
        scope.FindAsync(db.PressArticles.Where(a => a.Id == id), "article", PressArchive.Keepers, ct);
}
