using Chancery.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages;

/// <summary>Shown by status-code re-execution for every method, so it must not demand an antiforgery token.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>The refusal in the app's own words (a file too large, say), when a rule made it.</summary>
    public string? Detail { get; private set; }

    /// <summary>The page the person came from, to go back to (a local path only).</summary>
    public string? BackTo { get; private set; }

    public void OnGet(int? code) => Read(code);

    public void OnPost(int? code) => Read(code);

    private void Read(int? code)
    {
        Code = code ?? 500;
        Detail = Code is >= 400 and < 500 ? HttpContext.Items[ExceptionToProblem.ErrorDetail] as string : null;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        BackTo = original is { Length: > 1 } && original.StartsWith("/staff", StringComparison.Ordinal) && Url.IsLocalUrl(original) ? original : null;
    }
}
