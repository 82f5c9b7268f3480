using System.ComponentModel.DataAnnotations;
using Chancery.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages.Account;

/// <summary>A signed-in user changes their own password (the first administrator starts with a printed one).</summary>
public sealed class PasswordModel(UserManager<ChanceryUser> users, SignInManager<ChanceryUser> signIn) : PageModel
{
    [BindProperty, Required, DataType(DataType.Password), Display(Name = "Current password")]
    public string Current { get; set; } = "";

    [BindProperty, Required, StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters."), DataType(DataType.Password), Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty, Required, Compare(nameof(Password), ErrorMessage = "The two passwords differ."), DataType(DataType.Password), Display(Name = "The same password again")]
    public string Confirm { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // Read before the change: once the stamp changes, this very cookie no longer authenticates (CurrentSessions).
        var persistent = (await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.IsPersistent ?? false;
        var result = await users.ChangePasswordAsync(user, Current, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(Current) : nameof(Password),
                    e.Code == "PasswordMismatch" ? "That is not your current password." : e.Description);
            }
            return Page();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        // Every other session and token ends with the old stamp; this one starts afresh with the new.
        await signIn.SignInAsync(user, persistent);
        TempData["Notice"] = "Your password is changed.";
        return Redirect("/staff");
    }
}
