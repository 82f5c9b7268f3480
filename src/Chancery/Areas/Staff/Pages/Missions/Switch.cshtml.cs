using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.Missions;

/// <summary>Remembers which of the user's missions the staff pages show. The cookie is only a preference: MissionScope checks it against the user's memberships on every request.</summary>
public sealed class SwitchModel(MissionScope scope) : PageModel
{
    public IActionResult OnGet() => Redirect("/staff/missions");

    public IActionResult OnPost(Guid missionId, string? returnUrl)
    {
        if (!scope.Memberships.Any(m => m.MissionId == missionId))
        {
            return NotFound();
        }
        Response.Cookies.Append(Policies.MissionCookie, missionId.ToString(), CookieOptions(Request));
        // Another mission's record would be 404 there, so go back to the top of the section, not the record.
        var target = Url.IsLocalUrl(returnUrl) ? SectionOf(returnUrl!) : "/staff";
        return LocalRedirect(target);
    }

    internal static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        MaxAge = TimeSpan.FromDays(365),
    };

    private static string SectionOf(string url)
    {
        var parts = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[0] == "staff" ? $"/staff/{parts[1]}" : "/staff";
    }
}
