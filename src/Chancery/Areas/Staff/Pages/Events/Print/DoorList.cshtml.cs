using Chancery.Data;
using Chancery.Domain.Guests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events.Print;

/// <summary>
/// The door list for paper, or with <c>?download=true</c> as one self-contained HTML file (styles inside, no script,
/// no links) to keep on a phone or laptop for when the power or the Wi-Fi fails.
/// </summary>
public sealed class DoorListModel(ChanceryDb db, TimeProvider clock, GuestList guestList, IWebHostEnvironment env) : PrintPage(db, clock)
{
    public IReadOnlyList<DoorListRow> Rows { get; private set; } = [];
    public IReadOnlyList<DoorListRow> ToCheck { get; private set; } = [];
    public GuestCounts Counts { get; private set; } = null!;
    public bool Offline { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool download = false)
    {
        if (!await LoadPrintAsync(id))
        {
            return NotFound();
        }
        var guests = await guestList.ReadAsync(Event.MissionId, id, byPrecedence: false);
        var tables = await Db.SeatAssignments.AsNoTracking().Where(s => s.EventId == id && !s.IsPartner)
            .Join(Db.SeatingTables, s => s.TableId, t => t.Id, (s, t) => new { s.GuestId, t.Number }).ToListAsync();
        Rows = DoorList.Build(guests, tables.ToDictionary(t => t.GuestId, t => t.Number));
        ToCheck = DoorList.ToCheck(Rows);
        Counts = GuestCounts.Of(guests);
        if (download)
        {
            Offline = true;
            using var css = new StreamReader(env.WebRootFileProvider.GetFileInfo("css/print.css").CreateReadStream());
            ViewData["InlineCss"] = await css.ReadToEndAsync();
            Response.Headers.ContentDisposition = $"attachment; filename=\"door-list-{Event.StartsAtLocal:yyyy-MM-dd}.html\"";
        }
        return Page();
    }
}
