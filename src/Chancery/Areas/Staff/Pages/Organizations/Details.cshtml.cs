using Chancery.Data;
using Chancery.Domain.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Organizations;

public sealed class DetailsModel(ChanceryDb db, ContactDirectory directory) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Contact> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) is not { } org)
        {
            return NotFound();
        }
        Organization = org;
        People = await ContactDirectory.WithDetails(ContactDirectory.ByName(directory.Search(new()).Where(c => c.OrganizationId == id))).AsNoTracking().ToListAsync();
        return Page();
    }
}
