using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Chancery.Infrastructure;
using Chancery.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>
/// Building the guest list: add people by filter or by hand, take them off, and per guest the answer, partner,
/// plus-ones and a note; the list filtered and sorted, with the counts on top.
/// </summary>
public sealed class GuestsModel(ChanceryDb db, GuestList guestList, ContactDirectory directory, ContactCategories categoryList) : EventPage(db)
{
    public const int HandPickLimit = 25;
    /// <summary>Each row carries its own small form; a 2,000-guest list on one page weighs 6 MB and crawls on a phone.</summary>
    public const int PageSize = 100;

    public IReadOnlyList<(Guest Guest, int Precedence)> Rows { get; private set; } = [];
    /// <summary>Each guest's name by guest id, and who comes instead of whom (guest id → the deputy's name).</summary>
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public Dictionary<Guid, string> Deputies { get; private set; } = [];
    /// <summary>How many guests the filters let through, across every page.</summary>
    public int Matching { get; private set; }
    public GuestCounts Counts { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<string> Organizations { get; private set; } = [];
    public IReadOnlyList<Contact> Found { get; private set; } = [];
    public int FoundTotal { get; private set; }
    public int DirectorySize { get; private set; }

    // The list's own filters and order.
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? InCategory { get; set; }
    [BindProperty(SupportsGet = true)] public string? InOrganization { get; set; }
    [BindProperty(SupportsGet = true)] public RsvpAnswer? Answer { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "precedence";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>"filter" after people were added by filter: the panel stays open for the next one.</summary>
    [BindProperty(SupportsGet = true)] public string? Adding { get; set; }
    /// <summary>A search of the directory for adding people by hand.</summary>
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }

    public static IReadOnlyList<string> Sorts => GuestList.Sorts;

    /// <summary>The list's filters, carried through every change so the officer stays where they were.</summary>
    public Dictionary<string, string> ListRoute => RouteAt(PageNumber);

    private Dictionary<string, string> RouteAt(int page) => new Dictionary<string, string?>
    {
        ["name"] = Clean(Name),
        ["inCategory"] = Clean(InCategory),
        ["inOrganization"] = Clean(InOrganization),
        ["answer"] = Answer?.ToString(),
        ["sort"] = Sort == "precedence" ? null : Sort,
        ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

    private string ListUrl(Guid id, int? page = null) =>
        $"/staff/events/{id}/guests{QueryString.Create(RouteAt(page ?? PageNumber).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))}";

    /// <summary>Another page of the list, with the same filters and order.</summary>
    public string PageLink(int page) => ListUrl(Event.Id, page);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddFilterAsync(Guid id, List<string> categories, OrganizationType? type, string? tag, string? country, bool everyone)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        int matched, added, already;
        try
        {
            (matched, added, already) = await guestList.AddByFilterAsync(Event.MissionId, id,
                new ContactDirectory.Filter(Categories: categories, OrganizationType: type, Tag: Clean(tag), Country: Clean(country)), wholeDirectoryMeant: everyone);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            // The filter form has no field of its own to show a message beside: all of them go above it, and it stays open.
            ModelState.AddDomainErrors(e, "");
            Adding = "filter";
            await LoadAsync();
            return Page();
        }
        TempData["Notice"] = matched == 0 ? "Nobody in the directory matches that filter." : $"{added} added; {already} already on the list.";
        // The panel stays open: a list is often built from several filters in a row.
        return Redirect($"/staff/events/{id}/guests?adding=filter#add-by-filter");
    }

    public async Task<IActionResult> OnPostAddPeopleAsync(Guid id, List<Guid> contactIds)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        // Only the mission's own people, whatever the form sent.
        var (added, already) = await guestList.AddPeopleAsync(Event.MissionId, id, contactIds, strict: false);
        TempData["Notice"] = added + already == 0 ? "Tick the people to add." : $"{added} added; {already} already on the list.";
        return Redirect($"/staff/events/{id}/guests?find={Uri.EscapeDataString(Find ?? "")}#add-by-hand");
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, Guid guest, RsvpAnswer rsvp, bool withPartner, int plusOnes, string? note)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        // The page's script saves each row as it changes (so no edit waits for a button another row's save would lose);
        // it asks for the counts back instead of a page.
        var fromScript = DomainErrors.FromScript(Request);
        // A plus-ones box holding a letter binds as 0: saying "Saved" to that would be a lie, so the list's rule refuses it.
        var asked = ModelState.TryGetValue(nameof(plusOnes), out var bound) && bound.Errors.Count > 0 ? -1 : plusOnes;
        Answers.Result result;
        try
        {
            result = await guestList.UpdateAsync(id, guest, new GuestList.Change(rsvp, withPartner, asked, note));
        }
        catch (DomainException e) when (e.IsForTheForm && !fromScript)
        {
            // The list has one form per guest, so the messages go above it, not next to a field. (The script's
            // refusal is the problem details every refusal to a script is: ExceptionToProblem.)
            ModelState.Clear();
            ModelState.AddDomainErrors(e, "");
            await LoadAsync();
            return Page();
        }
        var notice = result.Outcome switch
        {
            Answers.Outcome.Waitlisted => "Saved on the waiting list: the event is full. Give them a place on the Invitations page.",
            Answers.Outcome.Promoted when result.Told => "Saved: the place is theirs, and they are told by e-mail.",
            Answers.Outcome.Promoted => "Saved: the place is theirs. They have no invitation yet: send it from the Invitations page; it carries their door code.",
            _ when result.PlusOnesAllowedRaisedTo is { } n => $"Saved: they may now bring {n}, and their reply page offers it. To tell them, press Resend beside them on the Invitations page: the card says how many they may bring.",
            _ => null,
        };
        if (fromScript)
        {
            var counts = await guestList.CountsAsync(id);
            var answer = result.Outcome == Answers.Outcome.Waitlisted ? nameof(RsvpAnswer.Waitlisted) : rsvp.ToString();
            return new JsonResult(new { counts.Invited, counts.Accepted, counts.Declined, counts.Pending, counts.Waitlisted, counts.Partners, counts.PlusOnes, counts.People, answer, notice });
        }
        TempData["Notice"] = notice ?? "Guest saved.";
        return Redirect($"{ListUrl(id)}#guest-{guest}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid guest)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        var removed = await guestList.RemoveAsync(id, [guest]);
        if (removed == 0)
        {
            return NotFound();
        }
        TempData["Notice"] = "Taken off the list.";
        return Redirect(ListUrl(id));
    }

    /// <summary>One change for every ticked guest: an answer, or off the list.</summary>
    public async Task<IActionResult> OnPostBulkAsync(Guid id, List<Guid> selected, string? change)
    {
        if (!await LoadEventAsync(id))
        {
            return NotFound();
        }
        if (selected.Count == 0)
        {
            TempData["Notice"] = "Tick the guests to change first.";
            return Redirect(ListUrl(id));
        }
        if (change == "remove")
        {
            var removed = await guestList.RemoveAsync(id, selected);
            TempData["Notice"] = $"{removed} taken off the list.";
        }
        else if (Enum.TryParse<RsvpAnswer>(change, out var answer))
        {
            var (changed, waiting) = await guestList.SetAnswerAsync(id, selected, answer);
            TempData["Notice"] = answer == RsvpAnswer.Accepted && waiting > 0
                ? $"{changed - waiting} marked accepted; {waiting} on the waiting list, as the event is full (give them a place on the Invitations page)."
                : $"{changed} marked {Words.For(answer).ToLowerInvariant()}.";
        }
        else
        {
            TempData["Notice"] = "Choose what to do with the ticked guests.";
        }
        return Redirect(ListUrl(id));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task LoadAsync()
    {
        var ranked = await guestList.RankedAsync(Event.MissionId, Event.Id);
        Counts = GuestCounts.Of(ranked.Select(r => r.Guest));
        Names = ranked.ToDictionary(r => r.Guest.Id, r => r.Guest.Contact!.DisplayName);
        Deputies = ranked.Where(r => r.Guest.SubstituteForId is { } f && Names.ContainsKey(f)).ToDictionary(r => r.Guest.SubstituteForId!.Value, r => r.Guest.Contact!.DisplayName);
        var sorted = GuestList.Arrange(ranked, new GuestList.View(Name, InCategory, InOrganization, Answer, Sort));
        Matching = sorted.Count;
        PageNumber = Pager.Clamp(PageNumber, Matching, PageSize);
        Rows = sorted.GetRange((PageNumber - 1) * PageSize, Math.Min(PageSize, Matching - (PageNumber - 1) * PageSize));
        Categories = await categoryList.ListAsync(Event.MissionId);
        DirectorySize = await directory.Search(new ContactDirectory.Filter(MissionId: Event.MissionId)).CountAsync();
        Countries = await Db.Organizations.Where(o => o.Country != null).Select(o => o.Country!).Distinct().OrderBy(c => c).ToListAsync();
        Organizations = [.. ranked.Select(r => r.Guest.Contact!.Organization?.Name).OfType<string>().Distinct().Order(StringComparer.CurrentCulture)];
        if (Clean(Find) is { } find)
        {
            var onList = ranked.Select(r => r.Guest.ContactId).ToHashSet();
            var query = directory.Search(new ContactDirectory.Filter(Q: find, MissionId: Event.MissionId)).Where(c => !onList.Contains(c.Id));
            FoundTotal = await query.CountAsync();
            Found = await ContactDirectory.WithDetails(ContactDirectory.ByName(query).Take(HandPickLimit)).AsNoTracking().ToListAsync();
        }
    }
}
