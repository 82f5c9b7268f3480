using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Chancery.Infrastructure;

/// <summary>
/// A session signed in with a password that was printed to a console (the first administrator's) reaches no staff
/// page until the password is changed: each leads to the page that changes it. The session carries the fact as a
/// claim, set at sign-in and gone with the new session the change starts, so no page reads the user's record for it.
/// </summary>
public sealed class FirstPassword : IAsyncPageFilter
{
    public const string Claim = "chancery:first-password";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(c => c.Type == Claim) && context.ActionDescriptor.AreaName == "Staff")
        {
            context.Result = new RedirectResult("/account/password");
            return;
        }
        await next();
    }
}
