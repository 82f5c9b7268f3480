using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Seating;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>The seating plan: tables, placement by precedence, and every seat changeable by hand.</summary>
public sealed class SeatingModel(ChanceryDb db, SeatingPlans plans) : EventPage(db)
{
    public SeatingPlan Plan { get; private set; } = null!;
    /// <summary>The person the move form starts with ("guestId" or "guestId:partner").</summary>
    [BindProperty(SupportsGet = true)] public string? Move { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        Plan = await plans.ReadAsync(Event);
        return Page();
    }

    public Task<IActionResult> OnPostAddTablesAsync(Guid id, int count, int seats, string? host, string? coHost) =>
        ActAsync(id, async () =>
        {
            await plans.AddTablesAsync(Event, count, seats, host, coHost);
            return $"{count} {(count == 1 ? "table" : "tables")} of {seats} added.";
        });

    public Task<IActionResult> OnPostAutoSeatAsync(Guid id, bool keep) =>
        ActAsync(id, async () =>
        {
            var (placed, unseated) = await plans.AutoSeatAsync(Event, keep);
            return $"{placed} placed by precedence{(keep ? " around the seats already set" : "")}." +
                (unseated > 0 ? $" {unseated} have no seat: add tables or seats." : "");
        });

    public Task<IActionResult> OnPostMoveAsync(Guid id, string person, Guid table, int seat) =>
        ActAsync(id, async () =>
        {
            var (guestId, partner) = ParsePerson(person);
            await plans.MoveAsync(Event, guestId, partner, table, seat);
            return "Moved.";
        });

    public Task<IActionResult> OnPostUnseatAsync(Guid id, string person) =>
        ActAsync(id, async () =>
        {
            var (guestId, partner) = ParsePerson(person);
            await plans.UnseatAsync(Event, guestId, partner);
            return "Seat freed.";
        });

    public Task<IActionResult> OnPostTableAsync(Guid id, Guid table, string? name, string? hostName, string? coHostName, int seats) =>
        ActAsync(id, async () => await plans.UpdateTableAsync(id, table, name, hostName, coHostName, seats) ? "Table saved." : throw new DomainException("That table is not part of this event."));

    public Task<IActionResult> OnPostRemoveTableAsync(Guid id, Guid table) =>
        ActAsync(id, async () => await plans.RemoveTableAsync(id, table) ? "Table removed; its guests need new seats." : throw new DomainException("That table is not part of this event."));

    /// <summary>"guestId" is the guest, "guestId:partner" the guest's partner.</summary>
    public static string PersonKey(Guid guestId, bool partner) => partner ? $"{guestId}:partner" : guestId.ToString();

    private static (Guid, bool) ParsePerson(string? person)
    {
        var parts = (person ?? "").Split(':');
        return Guid.TryParse(parts[0], out var id) ? (id, parts.Length > 1 && parts[1] == "partner") : throw new DomainException("Choose whom to move.", "person");
    }

    // Changes need only the event; the whole plan (every guest ranked) is read only to show the page again after an error.
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        try
        {
            TempData["Notice"] = await action();
            return Redirect($"/staff/events/{id}/seating");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            Plan = await plans.ReadAsync(Event);
            return Page();
        }
    }
}
