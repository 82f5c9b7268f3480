namespace Chancery.Domain.Audit;

/// <summary>Machinery rather than a record a person changes (the outbox, pending uploads, the log itself): not audited.</summary>
public interface INotAudited;
