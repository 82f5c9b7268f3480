using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts.Import;

/// <summary>
/// The import page's two steps: a file checked and kept as a preview (what would be created, updated and left
/// alone), then, confirmed, imported from the kept copy — the file the person saw, not one sent again.
/// </summary>
public sealed class ImportPreviews(ChanceryDb db, ContactImporter importer, TimeProvider clock)
{
    /// <summary>The file checked against the directory; a good one kept for <see cref="ConfirmAsync"/> (its id), a bad one not.</summary>
    public async Task<(ImportReport Report, Guid? PendingId)> PreviewAsync(Guid missionId, ContactImporter.ImportFile upload, Guid? userId, CancellationToken ct = default)
    {
        var report = await importer.RunAsync(missionId, upload.Sheet, apply: false, ct: ct);
        if (!report.IsValid)
        {
            return (report, null);
        }
        // Yesterday's abandoned previews go when a new one comes.
        var stale = clock.GetUtcNow().AddDays(-1);
        await db.PendingImports.Where(p => p.UploadedAt < stale).ExecuteDeleteAsync(ct);
        var pending = new PendingImport { MissionId = missionId, FileName = upload.FileName, Content = upload.Content, UploadedBy = userId, UploadedAt = clock.GetUtcNow() };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return (report, pending.Id);
    }

    /// <summary>
    /// Imports a kept preview; null when there is none by that id (another mission's, or already imported). The
    /// preview goes once imported; when the directory changed since in a way that makes a row bad, it stays and
    /// the report says which.
    /// </summary>
    public async Task<(ImportReport Report, string FileName)?> ConfirmAsync(Guid pendingId, CancellationToken ct = default)
    {
        if (await db.PendingImports.AsTracking().FirstOrDefaultAsync(p => p.Id == pendingId, ct) is not { } pending)
        {
            return null;
        }
        var sheet = importer.Read(pending.Content, pending.FileName, ct).Sheet;
        var report = await importer.RunAsync(pending.MissionId, sheet, apply: true, fileName: pending.FileName, ct: ct);
        if (report.IsValid)
        {
            db.PendingImports.Remove(pending);
            await db.SaveChangesAsync(ct);
        }
        return (report, pending.FileName);
    }
}
