using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages.Account;

/// <summary>Where an invited colleague chooses a password. The token is Identity's reset token: it works once.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<ChanceryUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty, Required, StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters."), DataType(DataType.Password), Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty, Required, Compare(nameof(Password), ErrorMessage = "The two passwords differ."), DataType(DataType.Password), Display(Name = "The same password again")]
    public string Confirm { get; set; } = "";

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ChanceryUser>.ResetPasswordTokenPurpose, Token))
        {
            return NotFound();
        }
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
        {
            return NotFound();
        }
        Email = user.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "InvalidToken" ? string.Empty : nameof(Password),
                    e.Code == "InvalidToken" ? "This link has been used or has expired. Ask your administrator for a new invitation." : e.Description);
            }
            return Page();
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        TempData["Notice"] = "Your password is set. Sign in with it.";
        return Redirect("/account/login");
    }
}
