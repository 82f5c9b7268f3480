using Chancery.Data;
using Chancery.Domain.Seating;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>Folded place cards for every seat, table by table: four per A4 sheet or two per A5 sheet.</summary>
public sealed class PlaceCardsModel(ChanceryDb db, TimeProvider clock, SeatingPlans plans) : PrintPage(db, clock)
{
    public IReadOnlyList<SeatView> Seats { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string Size { get; set; } = "A4";
    public int PerSheet => Size == "A5" ? 2 : 4;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        Size = Size.Equals("A5", StringComparison.OrdinalIgnoreCase) ? "A5" : "A4";
        ViewData["BodyClass"] = $"cards cards-{Size.ToLowerInvariant()}";
        Seats = (await plans.ReadAsync(Event)).Seats;
        return Page();
    }
}
