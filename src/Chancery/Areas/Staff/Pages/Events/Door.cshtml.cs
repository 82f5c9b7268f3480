using Chancery.Data;
using Chancery.Domain;
using Chancery.Domain.Contacts;
using Chancery.Domain.Door;
using Chancery.Domain.Guests;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// The door, on a phone held in one hand: a code scanned by a keyboard-wedge scanner or typed, or a guest found by
/// name in any script, and the answer across the screen in a colour that cannot be misread. Works without script;
/// each form carries a nonce, so a page sent twice (a double tap, a reload) admits once and answers alike.
/// </summary>
public sealed class DoorModel(ChanceryDb db, CheckIn checkIn, DoorData doorData, Domain.Seating.SeatingPlans seating, Domain.Missions.MissionScope scope) : EventPage(db)
{
    public const int Found = 20;

    /// <summary>A Protocol officer (or an administrator) may let in a guest who declined or waits for a place.</summary>
    public bool CanDecide => scope.Can(Event.MissionId, Domain.Missions.MissionRole.Protocol);

    /// <summary>The station's name as the page was opened with it, else <see cref="CheckIn.DefaultStation"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Station { get => _station ?? CheckIn.DefaultStation; set => _station = Text.Clean(value); }
    private string? _station;
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }
    public CheckInOutcome? Outcome { get; private set; }
    /// <summary>What the door needs of the guest the answer is about: how to address them, who comes with them, where they sit.</summary>
    public Guest? Guest { get; private set; }
    public string? Seat { get; private set; }
    public IReadOnlyList<Guest> Matches { get; private set; } = [];
    public string Nonce { get; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        await SearchAsync();
        return Page();
    }

    /// <summary>A guest who declined or waits for a place, let in on a Protocol officer's decision, with the reason (audited).</summary>
    public async Task<IActionResult> OnPostLetInAsync(Guid id, Guid guest, string? reason)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        if (!CanDecide)
        {
            return Forbid();
        }
        return await AnswerAsync(() => checkIn.AdmitByDecisionAsync(Event, guest, Station, reason));
    }

    public async Task<IActionResult> OnPostScanAsync(Guid id, string? code, string? nonce)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        return await AnswerAsync(() => checkIn.ScanAsync(Event, code, Station, nonce, scannedAt: null));
    }

    public async Task<IActionResult> OnPostAdmitAsync(Guid id, Guid guest, string? nonce)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        return await AnswerAsync(() => checkIn.AdmitByNameAsync(Event, guest, Station, nonce));
    }

    /// <summary>What door.js keeps to admit while offline (the API's door-data, for the signed-in station).</summary>
    public async Task<IActionResult> OnGetDataAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(await doorData.ForAsync(Event));
    }

    public sealed record Upload(string? Station, List<CheckIn.QueuedScan?>? Scans);

    /// <summary>The scans door.js queued while offline, sent when the network is back; the answers in order.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, [FromBody] Upload? upload)
    {
        // A refusal here is problem details, as the API's door answers (the script sends JSON: DomainErrors.FromScript).
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var results = await checkIn.TakeQueueAsync(Event, upload?.Scans, upload?.Station);
        return new JsonResult(results.Select(Api.DoorApi.Dto));
    }

    /// <summary>Someone not on the list, let in by the door: named, with their organization and category, admitted at once.</summary>
    public async Task<IActionResult> OnPostWalkInAsync(Guid id, string? firstName, string? lastName, string? organization, string? category)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        return await AnswerAsync(() => checkIn.WalkInAsync(Event, firstName, lastName, organization, category, Station));
    }

    public async Task<IActionResult> OnPostUndoAsync(Guid id, Guid guest, byte companion)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        try
        {
            await checkIn.UndoAsync(Event, guest, companion);
            Undone = true;
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            ModelState.AddModelError("", "That admission was already undone.");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
        }
        return Page();
    }

    /// <summary>An admission was just taken back.</summary>
    public bool Undone { get; private set; }

    private async Task<IActionResult> AnswerAsync(Func<Task<CheckInOutcome>> scan)
    {
        try
        {
            Outcome = await scan();
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            return Page();
        }
        if (Outcome.GuestId is { } guestId)
        {
            Guest = await Db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization).FirstOrDefaultAsync(g => g.Id == guestId);
            Seat = await seating.SeatOfAsync(guestId);
        }
        Find = null;
        return Page();
    }

    private async Task SearchAsync() => Matches = await doorData.FindAsync(Event, Find, Found);
}

/// <summary>What the staff layout's door mode shows on its one line: the event, the station, and where the menu leads.</summary>
public sealed record DoorMode(string Event, string Station, string EventUrl);
