using Chancery.Domain.Audit;
using Chancery.Domain.Missions;

namespace Chancery.Domain.Contacts.Import;

/// <summary>
/// An uploaded file between its preview and the user's confirmation. Kept in the database, not on disk,
/// so the confirmation may reach another app server.
/// </summary>
public sealed class PendingImport : IMissionScoped, INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public Guid? UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}
