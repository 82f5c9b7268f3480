using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.News;

/// <summary>
/// The news draft's wording in each language, the press office's to change: a Liquid template over the event's
/// facts (docs/news.md lists them). A template that cannot be read is refused, saying where; deleting the mission's
/// own goes back to the shipped one.
/// </summary>
public sealed class TemplatesModel(ChanceryDb db, MissionScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "en";
    [BindProperty]
    public string? Text { get; set; }
    public bool Shipped { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<string> Own { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Valid())
        {
            return NotFound();
        }
        var own = await OwnAsync(ct);
        Text = own?.Text ?? NewsDraft.ShippedTemplate(Language);
        Shipped = own is null;
        await ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Valid())
        {
            return NotFound();
        }
        var text = (Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (NewsDraft.Check(text) is { } problem)
        {
            Problem = problem;
            Text = text;
            await ListAsync(ct);
            return Page();
        }
        var own = await OwnAsync(ct, track: true);
        if (own is null)
        {
            db.NewsTemplates.Add(own = new NewsTemplate { MissionId = Mission, Language = Language, Text = text });
        }
        own.Text = text;
        own.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"The {Infrastructure.Words.Language(Language)} wording is saved: the next draft uses it.";
        return Redirect($"/staff/news/templates?language={Uri.EscapeDataString(Language)}");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!Valid())
        {
            return NotFound();
        }
        if (await OwnAsync(ct, track: true) is { } own)
        {
            db.NewsTemplates.Remove(own);
            await db.SaveChangesAsync(ct);
        }
        TempData["Notice"] = $"Back to the shipped {Infrastructure.Words.Language(Language)} wording.";
        return Redirect($"/staff/news/templates?language={Uri.EscapeDataString(Language)}");
    }

    private Guid Mission => scope.Current!.MissionId;

    private bool Valid() => Language.Length <= 40 && Domain.Contacts.ContactRules.IsLanguageTag(Language);

    private Task<NewsTemplate?> OwnAsync(CancellationToken ct, bool track = false) =>
        (track ? db.NewsTemplates.AsTracking() : db.NewsTemplates.AsNoTracking()).FirstOrDefaultAsync(t => t.MissionId == Mission && t.Language == Language, ct);

    private async Task ListAsync(CancellationToken ct) =>
        Own = await db.NewsTemplates.AsNoTracking().Where(t => t.MissionId == Mission).OrderBy(t => t.Language).Select(t => t.Language).ToListAsync(ct);
}
