using Chancery.Data;
using Chancery.Domain.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Audit;

/// <summary>A record as the audit log names it: what a person calls it, and where to see it (null when it is gone).</summary>
public sealed record AuditName(string Name, string? Link);

/// <summary>
/// The audit log keeps ids (an erasure must leave no name behind in it); the page shows names. One query per kind of
/// record on the page, for the records the entries are about and the records their changed links point to.
/// </summary>
public sealed class AuditNames(ChanceryDb db)
{
    public async Task<IReadOnlyDictionary<Guid, AuditName>> ForAsync(IEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        var ids = entries.SelectMany(IdsOf).Distinct().ToList();
        var names = new Dictionary<Guid, AuditName>();
        if (ids.Count == 0)
        {
            return names;
        }
        void Add<T>(IEnumerable<T> rows, Func<T, Guid> id, Func<T, AuditName> name)
        {
            foreach (var row in rows)
            {
                names.TryAdd(id(row), name(row));
            }
        }
        Add(await db.Contacts.Where(c => ids.Contains(c.Id)).Select(c => new Contact { Id = c.Id, Honorific = c.Honorific, FirstName = c.FirstName, LastName = c.LastName, NameOrder = c.NameOrder, Language = c.Language }).ToListAsync(ct),
            c => c.Id, c => new AuditName(c.DisplayName, $"/staff/contacts/{c.Id}"));
        Add(await db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct),
            o => o.Id, o => new AuditName(o.Name, $"/staff/organizations/{o.Id}"));
        Add(await db.Events.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Title }).ToListAsync(ct),
            e => e.Id, e => new AuditName(e.Title, $"/staff/events/{e.Id}"));
        Add(await db.Categories.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct),
            c => c.Id, c => new AuditName(c.Name, "/staff/contacts/categories"));
        Add(await db.Guests.Where(g => ids.Contains(g.Id)).Join(db.Events, g => g.EventId, e => e.Id, (g, e) => new { g.Id, g.EventId, Contact = new Contact { FirstName = g.Contact!.FirstName, LastName = g.Contact.LastName, NameOrder = g.Contact.NameOrder, Language = g.Contact.Language }, Event = e.Title }).ToListAsync(ct),
            g => g.Id, g => new AuditName($"{g.Contact.FullName} on the list of {g.Event}".TrimStart(), $"/staff/events/{g.EventId}/guests"));
        Add(await db.ProgrammeItems.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.EventId, p.Title }).ToListAsync(ct),
            p => p.Id, p => new AuditName(p.Title, $"/staff/events/{p.EventId}/programme"));
        Add(await db.SeatingTables.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.EventId, t.Number, t.Name }).ToListAsync(ct),
            t => t.Id, t => new AuditName(t.Name ?? $"Table {t.Number}", $"/staff/events/{t.EventId}/seating"));
        Add(await db.Memberships.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.User!.DisplayName, m.User.Email }).ToListAsync(ct),
            m => m.Id, m => new AuditName(string.IsNullOrEmpty(m.DisplayName) ? m.Email ?? "" : m.DisplayName, "/staff/users"));
        Add(await db.Missions.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct),
            m => m.Id, m => new AuditName(m.Name, "/staff/missions"));
        return names;
    }

    /// <summary>The record's id and the ids its changed links (fields ending in "Id") hold.</summary>
    private static IEnumerable<Guid> IdsOf(AuditEntry entry)
    {
        if (Guid.TryParse(entry.EntityId, out var id))
        {
            yield return id;
        }
        foreach (var change in AuditChanges.Read(entry.Changes).Where(c => c.Field.EndsWith("Id", StringComparison.Ordinal)))
        {
            foreach (var value in new[] { change.Before, change.After })
            {
                if (Guid.TryParse(value, out var linked))
                {
                    yield return linked;
                }
            }
        }
    }
}
