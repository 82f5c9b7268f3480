using Chancery.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Chancery.Infrastructure;

/// <summary>Domain refusals on a page: each message next to its field, the rest above the form.</summary>
public static class DomainErrors
{
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
