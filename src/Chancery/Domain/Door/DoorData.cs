using System.Security.Cryptography;
using System.Text;
using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>
/// What a door station downloads to keep admitting when the network drops: the event's public key (to verify signed
/// codes with WebCrypto) and, per guest, only what the door shows and searches — never an e-mail address, a phone, a
/// note or a typed code itself. A typed code is there only as the first 32 bits of its SHA-256 (with the event's id):
/// enough for a station to recognise a code typed at the door (a mistyped one matches some guest about once in seven
/// million tries for a list of 600 codes, and the server checks again when the queue is sent), while a lost device
/// gives a searcher some 2^27 equally good candidates for each code, not the code.
/// </summary>
public sealed class DoorData(ChanceryDb db, DoorCodeBook codes, EventKeyRing keys, TimeProvider clock)
{
    /// <summary><see cref="Admitted"/>: who of the party is in already (0 the guest, n the n-th plus-one).</summary>
    public sealed record DoorGuest(Guid Id, string DisplayName, string? LatinName, string? Organization, string? Category, string Rsvp,
        int PlusOnes, string? Partner, string Search, IReadOnlyList<string> TypedCodeHashes, DateTimeOffset? CheckedInAt, IReadOnlyList<int> Admitted);
    /// <summary><see cref="KeepUntil"/>: when a station deletes what it downloaded (a day after the event starts).</summary>
    public sealed record Download(Guid EventId, string Title, string TimeZone, DateTime StartsAt, string PublicKey, DateTimeOffset GeneratedAt, IReadOnlyList<DoorGuest> Guests,
        DateTimeOffset KeepUntil);

    /// <summary>How long after an event starts a station keeps its door data: the evening and the morning after, no longer.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    public async Task<Download> ForAsync(Events.Event e, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization).Include(g => g.Contact).ThenInclude(c => c!.Category)
            .Where(g => g.EventId == e.Id && g.Contact!.ErasedAt == null).OrderBy(g => g.Contact!.SortName).ToListAsync(ct);
        var admitted = (await db.Admissions.AsNoTracking().Where(a => a.EventId == e.Id).Select(a => new { a.GuestId, a.Companion }).ToListAsync(ct))
            .ToLookup(a => a.GuestId, a => (int)a.Companion);
        using var eventKeys = await keys.ForAsync(e, ct);
        var rows = guests.Select(g =>
        {
            var c = g.Contact!;
            // As many as the code book knows (DoorCodeBook), so a companion not announced is told so offline too.
            var hashes = Enumerable.Range(0, Math.Min(byte.MaxValue, Math.Max(g.PlusOnes, g.PlusOnesAllowed ?? 0)) + 1)
                .Select(n => TypedCodeHash(e.Id, GuestSecrets.TypedCode(eventKeys.Secret, g.Id, (byte)n))).ToList();
            return new DoorGuest(g.Id, c.DisplayName, c.LatinLine, c.Organization?.Name, c.Category?.Name,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(g.Rsvp.ToString()), g.PlusOnes,
                GuestCounts.HasPartner(g) ? c.SpouseDisplayName : null, c.NameSearchText(), hashes, g.CheckedInAt, [.. admitted[g.Id].Order()]);
        }).ToList();
        return new Download(e.Id, e.Title, e.TimeZone, e.StartsAtLocal, await codes.PublicKeyAsync(e, ct), clock.GetUtcNow(), rows, e.StartsAtUtc + Keep);
    }

    /// <summary>
    /// The event's guests whose name or organization holds <paramref name="words"/> (any script, accents ignored), as the
    /// offline door data searches: the door finds people, never by e-mail address; the erased are not there.
    /// </summary>
    public async Task<List<Guest>> FindAsync(Events.Event e, string? words, int max, CancellationToken ct = default)
    {
        if (Contacts.Text.Clean(words) is not { } find)
        {
            return [];
        }
        var key = Contacts.Text.Fold(find);
        return [.. (await db.Guests.AsNoTracking().Include(g => g.Contact).ThenInclude(c => c!.Organization)
                .Where(g => g.EventId == e.Id && g.Contact!.ErasedAt == null && g.Contact.SearchText.Contains(key)).ToListAsync(ct))
            .Where(g => g.Contact!.NameSearchText().Contains(key, StringComparison.Ordinal))
            .OrderBy(g => g.Contact!.SortName, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>How a typed code is kept on a station: the first 4 bytes of SHA-256 of "{eventId}:{code}" in its printed form, lower-case hex.</summary>
    public static string TypedCodeHash(Guid eventId, string typedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:D}:{GuestSecrets.NormalizeTypedCode(typedCode)}")).AsSpan(0, 4));
}
