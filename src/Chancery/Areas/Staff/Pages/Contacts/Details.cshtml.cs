using System.Text;
using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Contacts;

public sealed class DetailsModel(ContactDirectory directory, PersonalData personal, MissionScope scope, Chancery.Data.ChanceryDb db) : PageModel
{
    public Contact Person { get; private set; } = null!;
    /// <summary>Events still ahead that have the person on their guest list: erasing them is then worth a second thought.</summary>
    public IReadOnlyList<string> UpcomingEvents { get; private set; } = [];
    public bool CanChange => scope.Current is { } c && scope.Can(c.MissionId, MissionRole.Protocol);
    /// <summary>Articles of the press archive about the person (for those who keep the archive), newest first.</summary>
    public IReadOnlyList<Domain.Press.PressArticle> InThePress { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await directory.FindAsync(id) is not { } person)
        {
            return NotFound();
        }
        Person = person;
        UpcomingEvents = await personal.UpcomingEventsOfAsync(id);
        if (scope.Can(person.MissionId, Domain.Press.PressArchive.Keepers))
        {
            InThePress = await db.PressArticles.AsNoTracking().Where(a => a.MissionId == person.MissionId && a.ContactIds.Contains(id))
                .OrderBy(a => a.PublishedOn == null).ThenByDescending(a => a.PublishedOn).Take(50).ToListAsync();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPersonalDataAsync(Guid id)
    {
        if (!CanChange)
        {
            return Forbid();
        }
        if (await directory.FindAsync(id) is not { } person)
        {
            return NotFound();
        }
        var json = await personal.ExportAsync(person);
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"personal-data-{person.Id}.json");
    }

    public async Task<IActionResult> OnPostKeepLatinNameAsync(Guid id)
    {
        if (!CanChange)
        {
            return Forbid();
        }
        if (await directory.FindAsync(id, track: true) is not { } person)
        {
            return NotFound();
        }
        TempData["Notice"] = await directory.KeepLatinNameAsync(person)
            ? $"The Latin name {person.LatinName} is recorded."
            : "Nothing to record: the name has no machine reading to keep.";
        return Redirect($"/staff/contacts/{id}");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, bool confirm)
    {
        if (!CanChange)
        {
            return Forbid();
        }
        if (await directory.FindAsync(id, track: true) is not { } person)
        {
            return NotFound();
        }
        if (!confirm)
        {
            Person = person;
            UpcomingEvents = await personal.UpcomingEventsOfAsync(id);
            ModelState.AddModelError("confirm", "Tick the box to confirm: erasure cannot be undone.");
            return Page();
        }
        await personal.EraseAsync(person);
        TempData["Notice"] = "The person's names and contact data are erased. Past events keep an anonymous count.";
        return Redirect("/staff/contacts");
    }
}
