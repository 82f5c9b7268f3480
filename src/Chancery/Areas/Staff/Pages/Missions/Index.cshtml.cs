using System.ComponentModel.DataAnnotations;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Missions;

public sealed class IndexModel(ChanceryDb db, MissionScope scope, MissionAdministration admin) : PageModel
{
    public sealed class NewMission
    {
        [Required, StringLength(200), Display(Name = "Name")]
        public string Name { get; set; } = "";
        [StringLength(100), Display(Name = "Country represented")]
        public string? Country { get; set; }
        [StringLength(100)]
        public string? City { get; set; }
        [StringLength(64), Display(Name = "Time zone (IANA)")]
        public string? TimeZone { get; set; }
        [StringLength(40), Display(Name = "Language of its invitations (en, fr, zh…)")]
        public string? Language { get; set; }
        [StringLength(500), Display(Name = "Address, as invitations give it")]
        public string? Address { get; set; }
        [StringLength(320), Display(Name = "The protocol office's e-mail, for guests' answers")]
        public string? ReplyEmail { get; set; }
        /// <summary>Its name in other languages, by tag (news items say where an event was held with it).</summary>
        public Dictionary<string, string?> Names { get; set; } = [];
    }

    [BindProperty]
    public NewMission Input { get; set; } = new();

    public sealed class PublicAddress
    {
        [Required, StringLength(MissionAddress.MaxSlugLength), Display(Name = "Public address: /m/…")]
        public string Slug { get; set; } = "";
        [StringLength(253), Display(Name = "Host name of its own (optional)")]
        public string? HostName { get; set; }
    }

    [BindProperty]
    public PublicAddress Address { get; set; } = new();

    /// <summary>The current mission's own settings, in the same shape as a new one's.</summary>
    [BindProperty]
    public NewMission Settings { get; set; } = new();

    public IReadOnlyList<MissionAccess> Missions => scope.Memberships;
    public bool CanCreate => scope.Current is { } c && scope.Can(c.MissionId, MissionRole.Admin);
    public Dictionary<Guid, Mission> Details { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (scope.Current is { } c && Details.GetValueOrDefault(c.MissionId) is { } m)
        {
            Address = new PublicAddress { Slug = m.Slug, HostName = m.HostName };
            Settings = new NewMission { Name = m.Name, Country = m.Country, City = m.City, TimeZone = m.TimeZone, Language = m.Language, Address = m.Address, ReplyEmail = m.ReplyEmail, Names = m.Names.ToDictionary(kv => kv.Key, kv => (string?)kv.Value) };
        }
    }

    public async Task<IActionResult> OnPostSettingsAsync()
    {
        if (!CanCreate)
        {
            return Forbid();
        }
        try
        {
            await admin.SetSettingsAsync(scope.Current!.MissionId,
                new MissionAdministration.Settings(Settings.Name ?? "", Settings.Country, Settings.City, Settings.TimeZone, Settings.Language, Settings.Address, Settings.ReplyEmail,
                    Settings.Names.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!)));
            TempData["Notice"] = "The mission's settings are saved; new events start in its time zone.";
            return Redirect("/staff/missions");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, nameof(Settings));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddressAsync()
    {
        if (!CanCreate)
        {
            return Forbid();
        }
        // The domain checks the address and says what is wrong; the other form's fields are not part of this post.
        try
        {
            await admin.SetPublicAddressAsync(scope.Current!.MissionId, Address.Slug ?? "", Address.HostName);
            TempData["Notice"] = $"The public pages are now at /m/{Address.Slug!.Trim().ToLowerInvariant()}.";
            return Redirect("/staff/missions");
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, nameof(Address));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanCreate)
        {
            return Forbid();
        }
        // Only the new mission's form is posted here; the other forms' required fields are not part of it.
        ModelState.Remove($"{nameof(Address)}.{nameof(PublicAddress.Slug)}");
        ModelState.Remove($"{nameof(Settings)}.{nameof(NewMission.Name)}");
        if (ModelState.IsValid)
        {
            try
            {
                var mission = await admin.CreateMissionAsync(Input.Name, Input.Country, Input.City, Input.TimeZone, scope.UserId!.Value);
                Response.Cookies.Append(Infrastructure.Policies.MissionCookie, mission.Id.ToString(), SwitchModel.CookieOptions(Request));
                TempData["Notice"] = $"Mission {mission.Name} created; you are its administrator and now working in it.";
                return Redirect("/staff/missions");
            }
            catch (DomainException e) when (e.IsForTheForm)
            {
                ModelState.AddDomainErrors(e, nameof(Input));
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ids = scope.Memberships.Select(m => m.MissionId).ToArray();
        Details = await db.Missions.IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
    }
}
