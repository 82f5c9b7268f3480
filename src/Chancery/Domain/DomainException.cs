namespace Chancery.Domain;

/// <summary>What kind of refusal a rule made; the API answers 400, 409, 404, 403 or 413 for it.</summary>
public enum DomainErrorKind
{
    /// <summary>The input breaks a rule: say which field and why.</summary>
    Invalid,
    /// <summary>The input is fine but the state of things forbids it (a person still on a guest list).</summary>
    Conflict,
    /// <summary>The record is not there, or not in the caller's mission.</summary>
    NotFound,
    /// <summary>The caller's role in the record's mission does not allow it.</summary>
    Forbidden,
    /// <summary>An upload over its limit.</summary>
    TooLarge,
    /// <summary>This server cannot take it now (it is shutting down): send it again, here or to another server.</summary>
    Unavailable,
}

/// <summary>
/// The one way a domain rule refuses a request. The message says what is wrong and what to do, in words shown to
/// the user as they are; <see cref="Errors"/> places it by field (the input's property name). Mapped once: to
/// RFC 9457 problem details for the API (<see cref="Infrastructure.ExceptionToProblem"/>) and to form errors for
/// pages (<see cref="Infrastructure.DomainErrors.AddDomainErrors"/>).
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null, DomainErrorKind kind = DomainErrorKind.Invalid) : base(message)
    {
        Kind = kind;
        Errors = field is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [field] = [message] };
    }

    /// <summary>Several fields wrong at once; <paramref name="summary"/> is the one line above them.</summary>
    public DomainException(IReadOnlyDictionary<string, string[]> errors, string summary) : base(summary)
    {
        Kind = DomainErrorKind.Invalid;
        Errors = errors;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>Messages by field; empty when the refusal is about the request as a whole.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Every message of the refusal in one line (its fields' messages, else its own), for a notice or a row that has no fields to place them by.</summary>
    public string Said => Errors.Count > 0 ? string.Join(" ", Errors.SelectMany(x => x.Value)) : Message;

    /// <summary>The field of a single-field refusal.</summary>
    public string? Field => Errors.Count == 1 ? Errors.Keys.First() : null;

    public static DomainException NotFound(string what) => new($"There is no such {what}.", kind: DomainErrorKind.NotFound);

    /// <summary>Throws when <paramref name="errors"/> holds anything.</summary>
    public static void ThrowIfAny(Dictionary<string, string[]> errors, string summary)
    {
        if (errors.Count > 0)
        {
            throw new DomainException(errors, summary);
        }
    }
}
