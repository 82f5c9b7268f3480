using Chancery.Domain.Press;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.Press;

/// <summary>A page of the archive found by the filters in its address (the list, its export, the press review): the same names everywhere, so a search carries from one to the other.</summary>
public abstract class PressFilterPage : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? EventId { get; set; }

    protected bool Unfiltered => Q is null && Country is null && Language is null && Tag is null && From is null && To is null && EventId is null;

    protected PressFilter Filter => new(Q, Country, Language, null, Tag, EventId, From, To);
}
