using System.Security.Cryptography;
using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Invitations;

/// <summary>
/// An event's keys: the secret its guests' links and typed codes are derived from, and the P-256 key its door
/// codes are signed with. Both are stored encrypted with the installation's data-protection keys (kept in the
/// database with everything else, so every app server reads them); the public key is stored plain for door stations.
/// </summary>
public sealed class EventKey : IMissionScoped, Audit.INotAudited
{
    public Guid EventId { get; init; }
    public Guid MissionId { get; init; }
    public required string ProtectedSecret { get; init; }
    public required string ProtectedSigningKey { get; init; }
    /// <summary>SubjectPublicKeyInfo, DER, base64: what a door station imports with WebCrypto.</summary>
    public required string PublicKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An event's keys in use: created on first need, the same for every app server after.</summary>
public sealed class EventKeyRing(ChanceryDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Chancery.Invitations.EventKeys.v1");

    public sealed record Keys(byte[] Secret, ECDsa SigningKey, string PublicKey) : IDisposable
    {
        public void Dispose() => SigningKey.Dispose();
    }

    public async Task<Keys> ForAsync(Events.Event e, CancellationToken ct = default)
    {
        var stored = await db.EventKeys.AsNoTracking().FirstOrDefaultAsync(k => k.EventId == e.Id, ct);
        if (stored is null)
        {
            using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var created = new EventKey
            {
                EventId = e.Id,
                MissionId = e.MissionId,
                ProtectedSecret = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                ProtectedSigningKey = _protector.Protect(Convert.ToBase64String(signing.ExportPkcs8PrivateKey())),
                PublicKey = Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo()),
                CreatedAt = clock.GetUtcNow(),
            };
            // Saved at once, on its own: call this before making the changes it serves.
            stored = await CreateOnceAsync(created, ct);
        }
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(stored.ProtectedSigningKey)), out _);
        return new Keys(Convert.FromBase64String(_protector.Unprotect(stored.ProtectedSecret)), key, stored.PublicKey);
    }

    // Two servers making the first invitation of one event at once: one key wins, both use it.
    private async Task<EventKey> CreateOnceAsync(EventKey created, CancellationToken ct)
    {
        db.EventKeys.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (DbUpdateException e) when (WriteConflicts.IsConflict(e))
        {
            db.ChangeTracker.Clear(); // nothing of the lost attempt stays to be saved later

            return await db.EventKeys.AsNoTracking().FirstAsync(k => k.EventId == created.EventId, ct);
        }
    }
}
