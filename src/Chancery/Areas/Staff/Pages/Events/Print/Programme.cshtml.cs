using Chancery.Data;
using Chancery.Domain.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events.Print;

public sealed class ProgrammeModel(ChanceryDb db, TimeProvider clock) : PrintPage(db, clock)
{
    public IReadOnlyList<ProgrammeItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        Items = await Db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync();
        return Page();
    }
}
