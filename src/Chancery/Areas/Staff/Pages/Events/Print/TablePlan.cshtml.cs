using Chancery.Data;
using Chancery.Domain.Seating;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>The table plan for the easel at the entrance: every table with its seats, and an index of who sits where.</summary>
public sealed class TablePlanModel(ChanceryDb db, TimeProvider clock, SeatingPlans plans) : PrintPage(db, clock)
{
    public SeatingPlan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        Plan = await plans.ReadAsync(Event);
        return Page();
    }
}
