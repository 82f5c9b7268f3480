using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.Users;

public sealed class InviteModel(MissionScope scope, MissionAdministration admin, PublicUrls urls) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty, Required, StringLength(200), Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public MissionRole Role { get; set; } = MissionRole.Protocol;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await admin.InviteAsync(scope.Current!.MissionId, Email, DisplayName, Role,
                (user, token) => urls.Absolute($"/account/set-password?user={user.Id}&token={Uri.EscapeDataString(token)}"));
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            return Page();
        }
        TempData["Notice"] = $"Invitation to {Email} is on its way.";
        return Redirect("/staff/users");
    }
}
