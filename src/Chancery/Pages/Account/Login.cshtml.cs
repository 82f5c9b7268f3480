using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Users;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Chancery.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<ChanceryUser> signIn) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await PasswordSignIn.CheckAsync(signIn, Email, Password) is { } user)
        {
            if (user.MustChangePassword)
            {
                // The session says so itself (FirstPassword), so every staff page leads here until it is changed.
                await signIn.SignInWithClaimsAsync(user, RememberMe, [new System.Security.Claims.Claim(Infrastructure.FirstPassword.Claim, "1")]);
                // A password that was printed to a console may be in a terminal's scrollback or a deployment log.
                TempData["Notice"] = "Your password was printed when Chancery was installed: choose your own now.";
                return LocalRedirect("/account/password");
            }
            await signIn.SignInAsync(user, RememberMe);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
        }
        ModelState.AddModelError(string.Empty, Api.AuthApi.SignInRefused);
        return Page();
    }
}
