using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// For the ambassador's aide at the receiving line: each head of mission, and each guest the office marked "greet"
/// in the note, as they are admitted — newest first, with how to address them. Follows the door every two seconds.
/// </summary>
public sealed class ReceivingLineModel(ChanceryDb db) : EventPage(db)
{
    public const int Shown = 12;

    public sealed record ToGreet(string Addressee, string? Organization, string? Position, DateTimeOffset At);

    public IReadOnlyList<ToGreet> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var mission = await Db.Missions.AsNoTracking().FirstAsync(m => m.Id == Event.MissionId);
        var texts = InvitationTexts.For("en");
        var admitted = await Db.Admissions.AsNoTracking().Where(a => a.EventId == id && a.Companion == 0)
            .Join(Db.Guests.Include(g => g.Contact).ThenInclude(c => c!.Organization), a => a.GuestId, g => g.Id, (a, g) => new { a.At, Guest = g })
            .Where(x => x.Guest.Contact!.HeadOfMissionClass != null || x.Guest.Note != null)
            .OrderByDescending(x => x.At).Take(Shown * 10).ToListAsync();
        People = [.. admitted.Where(x => x.Guest.Contact!.HeadOfMissionClass != null || x.Guest.Note!.Contains("greet", StringComparison.OrdinalIgnoreCase))
            .Take(Shown).Select(x => new ToGreet(
            InvitationWording.Addressee(x.Guest.Contact!, GuestCounts.HasPartner(x.Guest), texts, mission.AddressPractice),
            x.Guest.Contact!.Organization?.Name, x.Guest.Contact.Position, x.At))];
        return Page();
    }
}
