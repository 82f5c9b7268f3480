using Microsoft.AspNetCore.Identity;

namespace Chancery.Domain.Users;

/// <summary>
/// Checks an e-mail and password for the sign-in page and the API alike, so that a refusal tells nothing about the
/// account: a wrong password, an unknown address and a locked account get the same words, and take the same time —
/// each refusal costs one password hash, as a real check does, so a stopwatch cannot tell them apart either.
/// </summary>
public static class PasswordSignIn
{
    /// <summary>The user when the password is right and the account may sign in; null otherwise (a failure counts towards lockout).</summary>
    public static async Task<ChanceryUser?> CheckAsync(SignInManager<ChanceryUser> signIn, string? email, string? password)
    {
        var user = await signIn.UserManager.FindByNameAsync(email?.Trim() ?? "");
        if (user is null)
        {
            SpendOneHash(signIn, password);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            SpendOneHash(signIn, password); // refused before the password was looked at
        }
        return result.Succeeded ? user : null;
    }

    private static void SpendOneHash(SignInManager<ChanceryUser> signIn, string? password) =>
        signIn.UserManager.PasswordHasher.HashPassword(new ChanceryUser(), password ?? "");
}
