namespace Chancery.Domain.Audit;

/// <summary>
/// A record about a person who may ask to be erased. When it is, the audit entry for that change names the
/// fields but keeps none of their values, or the log would keep what the erasure removed.
/// </summary>
public interface IErasable
{
    DateTimeOffset? ErasedAt { get; }
}
