using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.Contacts;

/// <summary>The mission's own list of categories: rename and add.</summary>
public sealed class CategoriesModel(ContactCategories categoryList, MissionScope scope) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync() => Categories = await categoryList.ListAsync(scope.Current!.MissionId);

    public async Task<IActionResult> OnPostAsync(Guid? id, string? name)
    {
        try
        {
            await categoryList.SaveAsync(scope.Current!.MissionId, id, name ?? "");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            await OnGetAsync();
            return Page();
        }
        TempData["Notice"] = id is null ? $"Category {name!.Trim()} added." : "Category renamed.";
        return RedirectToPage();
    }
}
