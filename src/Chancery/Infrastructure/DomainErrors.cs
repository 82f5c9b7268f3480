using Chancery.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Chancery.Infrastructure;

/// <summary>Domain refusals on a page: each message next to its field, the rest above the form.</summary>
public static class DomainErrors
{
    extension(DomainException e)
    {
        /// <summary>
        /// A refusal the page shows on its form (bad input, the wrong state, too large). The rest are not caught by
        /// pages: a record not there or not the user's to act on is the 404 or access-denied page (<see cref="DomainErrorPageFilter"/>).
        /// </summary>
        public bool IsForTheForm => e.Kind is DomainErrorKind.Invalid or DomainErrorKind.Conflict or DomainErrorKind.TooLarge;
    }

    /// <summary>
    /// A page's own script asking (it accepts or sends JSON): a refusal to it is problem details, as the API's, which
    /// <see cref="ExceptionToProblem"/> writes when the handler lets the <see cref="DomainException"/> go.
    /// </summary>
    public static bool FromScript(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal) || request.HasJsonContentType();

    /// <summary>Adds <paramref name="e"/>'s messages, each field prefixed as the page binds it (<c>Input.LastName</c>).</summary>
    public static void AddDomainErrors(this ModelStateDictionary state, DomainException e, string prefix = "Input")
    {
        if (e.Errors.Count == 0)
        {
            state.AddModelError("", e.Message);
            return;
        }
        foreach (var (field, messages) in e.Errors)
        {
            foreach (var message in messages)
            {
                state.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }
}
