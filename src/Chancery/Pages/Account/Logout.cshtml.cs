using Chancery.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ChanceryUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/account/login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        // What this browser kept for the door (the offline guest list, a queue not sent) goes with the session,
        // from whichever page the person signed out (the door page asks first when a queue is unsent).
        Response.Headers["Clear-Site-Data"] = "\"storage\"";
        return Redirect("/account/login");
    }
}
