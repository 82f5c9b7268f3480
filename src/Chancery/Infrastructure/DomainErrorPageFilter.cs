using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Chancery.Infrastructure;

/// <summary>
/// On pages, a record that is not there (or is another mission's) answers the 404 page and a role that does not
/// allow the action the access-denied page, wherever in a handler <see cref="Domain.Missions.MissionScope.FindAsync"/>
/// said so. Invalid input is the page's own to show next to its fields.
/// </summary>
internal sealed class DomainErrorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is DomainException { Kind: DomainErrorKind.NotFound or DomainErrorKind.Forbidden } e)
        {
            executed.Result = e.Kind == DomainErrorKind.NotFound ? new NotFoundResult() : new ForbidResult();
            executed.ExceptionHandled = true;
        }
    }
}
