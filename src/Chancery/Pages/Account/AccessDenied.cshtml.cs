using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages.Account;

/// <summary>Where the cookie sends someone whose role does not open a page: it says which role they have, and where.</summary>
[AllowAnonymous]
public sealed class AccessDeniedModel(MissionScope scope) : PageModel
{
    public MissionAccess? Current { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await scope.LoadAsync(HttpContext.RequestServices, User, allMissions: false, Policies.PreferredMission(Request), HttpContext.RequestAborted);
            Current = scope.Current;
        }
    }
}
