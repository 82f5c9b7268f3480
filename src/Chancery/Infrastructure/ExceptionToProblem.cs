using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Infrastructure;

/// <summary>
/// Turns a request the framework could not read (bad JSON, a missing body) into a 400 problem that says
/// what was wrong; anything else becomes a 500 problem with no internals in it.
/// </summary>
internal sealed class ExceptionToProblem(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
            },
        });
    }
}
