using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Chancery.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Contacts;

/// <summary>The directory: search in any script, filters, bulk tagging and category change, export.</summary>
public sealed class IndexModel(ChanceryDb db, ContactDirectory directory, ContactCategories categoryList, MissionScope scope) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Contact> People { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public bool CanChange => scope.Current is { } c && scope.Can(c.MissionId, MissionRole.Protocol);
    private Guid MissionId => scope.Current!.MissionId;
    private ContactDirectory.Filter Filter => new(Q, Category, Type, Tag, Country);

    public async Task OnGetAsync()
    {
        Categories = await categoryList.ListAsync(MissionId);
        Countries = await db.Organizations.Where(o => o.Country != null).Select(o => o.Country!).Distinct().OrderBy(c => c).ToListAsync();
        var query = directory.Search(Filter);
        Total = await query.CountAsync();
        PageNumber = Pager.Clamp(PageNumber, Total, PageSize);
        People = await directory.PageAsync(Filter, (PageNumber - 1) * PageSize, PageSize);
    }

    public async Task<IActionResult> OnPostBulkAsync(List<Guid> selected, string? addTag, string? setCategory)
    {
        if (!CanChange)
        {
            return Forbid();
        }
        if (selected.Count == 0 || (string.IsNullOrWhiteSpace(addTag) && string.IsNullOrWhiteSpace(setCategory)))
        {
            TempData["Notice"] = "Choose people with the boxes, and a tag to add or a category to set.";
            return Redirect(ListLink(PageNumber));
        }
        try
        {
            var count = await directory.BulkAsync(MissionId, selected, addTag, setCategory);
            TempData["Notice"] = $"{count} {(count == 1 ? "person" : "people")} changed.";
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            await OnGetAsync();
            return Page();
        }
        return Redirect(ListLink(PageNumber));
    }

    public async Task<IActionResult> OnGetExportAsync(string format)
    {
        if (!CanChange)
        {
            return Forbid();
        }
        var people = await directory.ExportRowsAsync(scope, Filter);
        return format == "xlsx"
            ? File(ContactExport.Xlsx(people), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "contacts.xlsx")
            : File(ContactExport.Csv(people), "text/csv; charset=utf-8", "contacts.csv");
    }

    public string ListLink(int page) => Url.Page("/Contacts/Index", new { area = "Staff", Q, Category, Type, Tag, Country, p = page })!;

    public string ExportLink(string format) => Url.Page("/Contacts/Index", "Export", new { area = "Staff", Q, Category, Type, Tag, Country, format })!;
}
