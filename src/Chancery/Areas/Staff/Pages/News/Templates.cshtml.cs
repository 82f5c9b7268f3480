using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.News;

/// <summary>
/// The news draft's wording in each language, the press office's to change: a Liquid template over the event's
/// facts (docs/news.md lists them). A template that cannot be read is refused, saying where; deleting the mission's
/// own goes back to the shipped one.
/// </summary>
public sealed class TemplatesModel(NewsTemplates templates, MissionScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "en";
    [BindProperty]
    public string? Text { get; set; }
    public bool Shipped { get; private set; }
    public IReadOnlyList<string> Own { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!NewsTemplates.IsLanguage(Language))
        {
            return NotFound();
        }
        var wording = await templates.ReadAsync(Mission, Language, ct);
        (Text, Shipped) = (wording.Text, wording.Shipped);
        await ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!NewsTemplates.IsLanguage(Language))
        {
            return NotFound();
        }
        try
        {
            await templates.SaveAsync(Mission, Language, Text, ct);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            await ListAsync(ct);
            return Page();
        }
        TempData["Notice"] = $"The {Infrastructure.Words.Language(Language)} wording is saved: the next draft uses it.";
        return Redirect($"/staff/news/templates?language={Uri.EscapeDataString(Language)}");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!NewsTemplates.IsLanguage(Language))
        {
            return NotFound();
        }
        await templates.ResetAsync(Mission, Language, ct);
        TempData["Notice"] = $"Back to the shipped {Infrastructure.Words.Language(Language)} wording.";
        return Redirect($"/staff/news/templates?language={Uri.EscapeDataString(Language)}");
    }

    private Guid Mission => scope.Current!.MissionId;

    private async Task ListAsync(CancellationToken ct) => Own = await templates.OwnLanguagesAsync(Mission, ct);
}
