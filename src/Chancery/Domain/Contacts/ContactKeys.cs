using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts;

/// <summary>The keys by which the directory knows a person is already there, the same for the import and the form.</summary>
public static class ContactKeys
{
    public const int NameKeyLength = 700;

    // What follows it in a key tells apart two people the directory held before keys existed (see BackfillAsync).
    private const char KnownDouble = '\u001e';

    /// <summary>Folded first and last name at the organization (by id, so a renamed organization keeps its people's keys).</summary>
    public static string Name(string? first, string? last, Guid? organizationId)
    {
        var key = $"{Text.Fold(first)}\u001f{Text.Fold(last)}\u001f{organizationId}";
        var room = NameKeyLength - 40; // a known double's suffix
        return key.Length <= room ? key : key[..room];
    }

    /// <summary>The key a person keeps when their name is saved again: a known double stays one while the name is unchanged.</summary>
    public static string Renewed(string? stored, string key) =>
        stored is not null && stored.Split(KnownDouble)[0] == key ? stored : key;

    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>
    /// Gives people recorded before name keys existed their key, once, at start-up. Where the directory already held
    /// two people without an e-mail address under one name at one organization, both stay — they may well be two
    /// people — and the later one's key is marked as a known double; returns how many were.
    /// </summary>
    public static async Task<int> BackfillAsync(ChanceryDb db, CancellationToken ct = default)
    {
        var rows = await db.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => c.NameKey == null)
            .Select(c => new { c.Id, c.MissionId, c.FirstName, c.LastName, c.OrganizationId, c.NormalizedEmail, c.ErasedAt })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }
        var taken = (await db.Contacts.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.NameKey != null && c.NormalizedEmail == null && c.ErasedAt == null).Select(c => new { c.MissionId, c.NameKey }).ToListAsync(ct))
            .Select(c => (c.MissionId, c.NameKey!)).ToHashSet();
        var doubles = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in rows.OrderBy(r => r.Id)) // time-ordered ids: the first recorded keeps the plain key
        {
            var key = Name(row.FirstName, row.LastName, row.OrganizationId);
            if (row.NormalizedEmail is null && row.ErasedAt is null && !taken.Add((row.MissionId, key)))
            {
                key = $"{key}{KnownDouble}{row.Id}";
                doubles++;
            }
            await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NameKey, key), ct);
        }
        await transaction.CommitAsync(ct);
        return doubles;
    }

    /// <summary>
    /// Recomputes the sort and search keys of people whose keys older rules computed (before names had an order
    /// and a transliteration per script), in batches, once, at start-up; returns how many.
    /// </summary>
    public static async Task<int> RefreshOutdatedAsync(ChanceryDb db, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Contacts.IgnoreQueryFilters().AsNoTracking().Include(c => c.Organization)
                .Where(c => c.KeysVersion < Contact.CurrentKeysVersion).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var c in batch)
            {
                if (c.ErasedAt is null)
                {
                    c.RefreshKeys();
                }
                await db.Contacts.IgnoreQueryFilters().Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.SortName, c.SortName).SetProperty(x => x.SearchText, c.SearchText)
                    .SetProperty(x => x.KeysVersion, Contact.CurrentKeysVersion), ct);
            }
            await transaction.CommitAsync(ct);
            total += batch.Count;
        }
    }
}
