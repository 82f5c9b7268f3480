using Chancery.Data;
using Chancery.Domain.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Guests;

/// <summary>Adding people to an event's guest list and reading it in order of precedence or by name.</summary>
public sealed class GuestList(ChanceryDb db, ContactDirectory directory, TimeProvider clock)
{
    /// <summary>Adds the people (of the event's mission) not yet on the list; returns how many were added and how many were there already.</summary>
    public async Task<(int Added, int AlreadyOnList)> AddAsync(Guid missionId, Guid eventId, IReadOnlyCollection<Guid> contactIds, CancellationToken ct = default)
    {
        var onList = await db.Guests.Where(g => g.EventId == eventId).Select(g => g.ContactId).ToListAsync(ct);
        var known = onList.ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var id in contactIds.Distinct())
        {
            if (known.Add(id))
            {
                db.Guests.Add(new Guest { MissionId = missionId, EventId = eventId, ContactId = id, AddedAt = now });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (added, contactIds.Distinct().Count() - added);
    }

    /// <summary>The ids of the mission's people matching a filter (an empty filter is everyone).</summary>
    public Task<List<Guid>> MatchingAsync(Guid missionId, ContactDirectory.Filter filter, CancellationToken ct = default) =>
        directory.Search(filter with { MissionId = missionId }).Select(c => c.Id).ToListAsync(ct);

    /// <summary>The guest list with contacts loaded, by precedence (PRODUCT.md rules) or alphabetically by name.</summary>
    public async Task<List<Guest>> ReadAsync(Guid missionId, Guid eventId, bool byPrecedence, PrecedenceSettings settings, CancellationToken ct = default)
    {
        var guests = await db.Guests.Where(g => g.EventId == eventId)
            .Include(g => g.Contact).ThenInclude(c => c!.Organization)
            .Include(g => g.Contact).ThenInclude(c => c!.Category)
            .AsNoTracking().ToListAsync(ct);
        if (!byPrecedence)
        {
            return [.. guests.OrderBy(g => g.Contact!.SortName, StringComparer.Ordinal).ThenBy(g => g.Id)];
        }
        // The whole corps the mission knows, so staff follow their head's place even when the head is not invited.
        var corps = await db.Contacts.Include(c => c.Organization)
            .Where(c => c.MissionId == missionId && c.ErasedAt == null && c.HeadOfMissionClass != null)
            .AsNoTracking().ToListAsync(ct);
        var byContact = guests.ToDictionary(g => g.ContactId);
        var recorded = guests.Select(g => g.Contact!).Concat(corps).DistinctBy(c => c.Id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var order = Precedence.Order(guests.Select(g => Candidate(g.Contact!, recorded[g.ContactId])), settings, corps.Select(c => Candidate(c, recorded[c.Id])));
        return [.. order.Select(e => byContact[e.Person.Id])];
    }

    /// <summary>What precedence needs from a contact; <paramref name="recordedOrder"/> is when it entered the directory relative to the others.</summary>
    public static PrecedenceCandidate Candidate(Contact c, int recordedOrder) => new()
    {
        Id = c.Id,
        Name = c.DisplayName,
        SortName = c.SortName,
        OrganizationId = c.OrganizationId,
        OrganizationType = c.Organization?.Type,
        Country = c.Organization?.Country,
        HeadOfMissionClass = c.HeadOfMissionClass,
        CredentialsPresented = c.CredentialsPresented,
        // The import format has one date column: for a chargé d'affaires a.i. it is when they took up the function.
        TookUpFunction = c.HeadOfMissionClass == HeadOfMissionClass.ChargeDAffairesAdInterim ? c.CredentialsPresented : null,
        RepresentsHolySee = string.Equals(c.Organization?.Country, "Holy See", StringComparison.OrdinalIgnoreCase),
        DiplomaticRank = c.DiplomaticRank,
        RecordedOrder = recordedOrder,
    };
}
