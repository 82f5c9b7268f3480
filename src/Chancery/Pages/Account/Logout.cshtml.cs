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
        return Redirect("/account/login");
    }
}
