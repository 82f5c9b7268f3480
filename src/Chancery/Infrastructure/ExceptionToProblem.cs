using System.Text.Json;
using Chancery.Data;
using Chancery.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Infrastructure;

/// <summary>
/// The one mapping of errors to problem details: a domain rule's refusal becomes 400 (with each field's message,
/// named as the JSON names it), 409 or 404, in the rule's own words; a request the framework could not read
/// (bad JSON, a missing body) becomes a 400 that says what was wrong; anything else a 500 with no internals.
/// </summary>
internal sealed class ExceptionToProblem(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Where a page request's refusal leaves its words for the error page.</summary>
    public const string ErrorDetail = "chancery:error-detail";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException { Kind: DomainErrorKind.Invalid } e when e.Errors.Count > 0 => new HttpValidationProblemDetails(
                e.Errors.ToDictionary(x => JsonNamingPolicy.CamelCase.ConvertName(x.Key), x => x.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
                Detail = e.Message,
            },
            DomainException e => new ProblemDetails
            {
                Status = e.Kind switch
                {
                    DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
                    DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
                    DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                    DomainErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
                    DomainErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status400BadRequest,
                },
                Title = e.Kind switch
                {
                    DomainErrorKind.Conflict => "The request conflicts with the current state",
                    DomainErrorKind.TooLarge => "File too large",
                    DomainErrorKind.Unavailable => "Not now: send it again",
                    _ => "The request was refused",
                },
                Detail = e.Message,
            },
            // A race no retry covered: the other writer won; the caller can simply try again.
            _ when WriteConflicts.IsConflict(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The request conflicts with the current state",
                Detail = WriteConflicts.Message,
            },
            // What a check above should have caught (a NUL in text PostgreSQL cannot hold): the request's fault, not ours.
            _ when (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException) is
            { SqlState: Npgsql.PostgresErrorCodes.CharacterNotInRepertoire or Npgsql.PostgresErrorCodes.UntranslatableCharacter } => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request was refused",
                Detail = "The text contains a character that cannot be stored (such as U+0000); remove it and send it again.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (!httpContext.Request.Path.StartsWithSegments("/api") && !DomainErrors.FromScript(httpContext.Request))
        {
            // A person at a page: the status alone, and the error page (status code re-execution) says it in words.
            httpContext.Items[ErrorDetail] = problem.Detail;
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
