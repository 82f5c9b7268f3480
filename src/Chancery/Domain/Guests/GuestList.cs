using Chancery.Data;
using Chancery.Domain.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Guests;

/// <summary>Adding people to an event's guest list and reading it in order of precedence or by name.</summary>
public sealed class GuestList(ChanceryDb db, ContactDirectory directory, Invitations.Answers answers, TimeProvider clock)
{
    /// <summary>Adds the people (of the event's mission) not yet on the list; returns how many were added and how many were there already.</summary>
    /// <remarks>
    /// Idempotent for every caller: two offices adding the same people at once each get an answer. Adds to one event
    /// take turns (the event's row is locked first), so the second reads the list the first wrote; should a race
    /// still reach the unique guest index, the loser reads the list again.
    /// </remarks>
    public Task<(int Added, int AlreadyOnList)> AddAsync(Guid missionId, Guid eventId, IReadOnlyCollection<Guid> contactIds, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(() => AddOnceAsync(missionId, eventId, contactIds, ct), ct);

    private async Task<(int Added, int AlreadyOnList)> AddOnceAsync(Guid missionId, Guid eventId, IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.TakeTurnsOnAsync(WriteConflicts.Turns.Event, eventId, ct);
        var onList = await db.Guests.Where(g => g.EventId == eventId).Select(g => g.ContactId).ToListAsync(ct);
        var known = onList.ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var id in contactIds.Distinct().Order())
        {
            if (known.Add(id))
            {
                db.Guests.Add(new Guest { MissionId = missionId, EventId = eventId, ContactId = id, AddedAt = now });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (added, contactIds.Distinct().Count() - added);
    }

    /// <summary>
    /// Adds the mission's own (not erased) people by id. With <paramref name="strict"/> an id that is not one of
    /// them refuses the whole request (the API says which); otherwise such ids are left out (a stale form).
    /// </summary>
    public async Task<(int Added, int AlreadyOnList)> AddPeopleAsync(Guid missionId, Guid eventId, IReadOnlyCollection<Guid> contactIds, bool strict, CancellationToken ct = default)
    {
        if (contactIds.Count > MaxIdsAtOnce)
        {
            throw new DomainException($"At most {MaxIdsAtOnce:N0} people can be added in one request; this one names {contactIds.Count:N0}. Send them in parts, or add them by a filter.", "contactIds");
        }
        var found = await db.Contacts.Where(c => c.MissionId == missionId && c.ErasedAt == null && contactIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missing = contactIds.Except(found).ToList();
        if (strict && missing.Count > 0)
        {
            throw new DomainException($"{missing.Count} of the ids are not people in this event's mission: {string.Join(", ", missing.Take(10))}", "contactIds");
        }
        return await AddAsync(missionId, eventId, found, ct);
    }

    /// <summary>
    /// Adds everyone the filter matches. An empty filter is the whole directory — thousands of people at once — so
    /// it takes <paramref name="wholeDirectoryMeant"/>; returns how many matched too.
    /// </summary>
    public async Task<(int Matched, int Added, int AlreadyOnList)> AddByFilterAsync(Guid missionId, Guid eventId, ContactDirectory.Filter filter, bool wholeDirectoryMeant, CancellationToken ct = default)
    {
        if (filter.Categories is { Count: > MaxCategoriesAtOnce })
        {
            throw new DomainException($"At most {MaxCategoriesAtOnce} categories can be combined in one filter; this one names {filter.Categories.Count:N0}.", "filter.categories");
        }
        // A blank entry is a mistake, never "no category": read as none, it would let the whole directory through.
        if (filter.Categories is { } named && named.Any(string.IsNullOrWhiteSpace))
        {
            throw new DomainException("A category in the filter is empty; name each category, or leave the list out.", "filter.categories");
        }
        var empty = filter.AllCategories.Count == 0 && filter.OrganizationType is null && Text.Clean(filter.Tag) is null && Text.Clean(filter.Country) is null;
        if (empty && !wholeDirectoryMeant)
        {
            throw new DomainException("Choose a category, type, tag or country — or tick “the whole directory” to invite everyone in it.");
        }
        var ids = await MatchingAsync(missionId, filter, ct);
        var (added, already) = await AddAsync(missionId, eventId, ids, ct);
        return (ids.Count, added, already);
    }

    /// <summary>The filter's organization type as written in a request, or a refusal naming the field.</summary>
    public static OrganizationType? ParseType(string? text, string field) =>
        text is null ? null : ContactRules.ParseEnum<OrganizationType>(text) ?? throw new DomainException($"'{text}' {ContactRules.TypeMessage}", field);

    /// <summary>What the protocol officer can change on one guest: the answer (taken by phone), partner, plus-ones, note.</summary>
    public sealed record Change(RsvpAnswer Rsvp, bool WithPartner, int PlusOnes, string? Note);

    public const int MaxPlusOnes = 20;

    /// <summary>A mission has a handful of categories; a filter naming more is a mistake, and each is a query parameter.</summary>
    public const int MaxCategoriesAtOnce = 100;

    /// <summary>A guest list is a few thousand people; a request naming more is a mistake or an attack, and each id is a query parameter.</summary>
    public const int MaxIdsAtOnce = 10_000;

    /// <summary>
    /// Changes one guest of the event; refuses by field. A guest of another event is not found. The answer is held to
    /// the event's capacity (<see cref="Invitations.Answers"/>): a yes that does not fit waits for a place, and a yes
    /// for a guest on the waiting list gives them one.
    /// </summary>
    public async Task<Invitations.Answers.Result> UpdateAsync(Guid eventId, Guid guestId, Change change, CancellationToken ct = default)
    {
        if (!await db.Guests.AnyAsync(g => g.Id == guestId && g.EventId == eventId, ct))
        {
            throw DomainException.NotFound("guest");
        }
        var errors = new Dictionary<string, string[]>();
        if (change.PlusOnes is < 0 or > MaxPlusOnes)
        {
            errors[nameof(change.PlusOnes)] = [$"Plus-ones are a whole number from 0 to {MaxPlusOnes}."];
        }
        var note = Text.Clean(change.Note);
        if (note is not null && Data.FieldLengths.TooLong(note, db.Max<Guest>(nameof(Guest.Note)), "A note") is { } tooLong)
        {
            errors[nameof(change.Note)] = [tooLong];
        }
        DomainException.ThrowIfAny(errors, "The guest's answer has errors.");
        int? raisedTo = null;
        var result = await answers.RecordAsync(eventId, guestId, guest =>
        {
            guest.Rsvp = change.Rsvp;
            guest.WithPartner = change.WithPartner;
            guest.PlusOnes = change.PlusOnes;
            guest.Note = note;
            // The invitation fixed how many the guest may bring; the office may give more since (never fewer than they bring).
            if (guest.PlusOnesAllowed is { } allowed && change.PlusOnes > allowed)
            {
                guest.PlusOnesAllowed = raisedTo = change.PlusOnes;
            }
        }, byOffice: true, ct);
        if (result.Outcome == Invitations.Answers.Outcome.TooMany)
        {
            throw new DomainException($"Only {result.FreePlaces} places are left for this guest's party under the event's capacity; the answer they had stands.", nameof(change.PlusOnes));
        }
        return result with { PlusOnesAllowedRaisedTo = raisedTo };
    }

    /// <summary>
    /// Records that <paramref name="deputyContactId"/> comes instead of the guest (a head of mission sends a deputy):
    /// the deputy joins the list as a guest of their own — in the guest's place, or their turn on the waiting list, or
    /// else under the capacity like any yes — and the guest is marked declined. Returns the deputy's guest id. The deputy takes their own place
    /// in the order of precedence; the report reads the level of representation from the pair.
    /// </summary>
    public Task<Guid> SendInsteadAsync(Guid eventId, Guid guestId, Guid deputyContactId, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.TakeTurnsOnAsync(WriteConflicts.Turns.Event, eventId, ct);
            var guest = await db.Guests.AsTracking().Include(g => g.Contact).FirstOrDefaultAsync(g => g.Id == guestId && g.EventId == eventId, ct)
                ?? throw DomainException.NotFound("guest");
            var deputy = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == deputyContactId && c.MissionId == guest.MissionId && c.ErasedAt == null, ct)
                ?? throw new DomainException("The deputy must be a person in this mission's directory: add them there first.", "contactId");
            if (deputy.Id == guest.ContactId)
            {
                throw new DomainException("A guest cannot come instead of themselves.", "contactId");
            }
            if (await db.Guests.AnyAsync(g => g.EventId == eventId && g.ContactId == deputyContactId, ct))
            {
                throw new DomainException($"{deputy.DisplayName} is on this guest list already.", "contactId");
            }
            if (await db.Guests.AnyAsync(g => g.EventId == eventId && g.SubstituteForId == guestId, ct))
            {
                throw new DomainException("Someone already comes instead of this guest; take them off the list first to name another.", "contactId");
            }
            if (guest.SubstituteForId is not null)
            {
                throw new DomainException("This guest is a deputy already; record the change on the guest they stand for.", "guestId");
            }
            // The deputy takes the guest's place when the guest had one (or their turn on the waiting list); else
            // their yes meets the capacity like anyone's.
            var now = clock.GetUtcNow();
            var rsvp = guest.Rsvp switch
            {
                RsvpAnswer.Accepted => RsvpAnswer.Accepted,
                RsvpAnswer.Waitlisted => RsvpAnswer.Waitlisted,
                _ => await answers.FreePlacesAsync(eventId, guest.Id, ct) is < 1 ? RsvpAnswer.Waitlisted : RsvpAnswer.Accepted,
            };
            var replacement = new Guest
            {
                MissionId = guest.MissionId,
                EventId = eventId,
                ContactId = deputy.Id,
                AddedAt = now,
                Rsvp = rsvp,
                WaitlistedAt = rsvp != RsvpAnswer.Waitlisted ? null : guest.WaitlistedAt ?? now,
                SubstituteForId = guest.Id,
            };
            db.Guests.Add(replacement);
            guest.Rsvp = RsvpAnswer.Declined;
            guest.WaitlistedAt = null;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return replacement.Id;
        }, ct);

    /// <summary>
    /// Records the same answer for several guests at once (answers collected by phone or at a briefing). A yes goes
    /// through the capacity one guest at a time, in the list's order: those that no longer fit wait for a place, and
    /// a waiting guest marked accepted is given theirs. Returns how many changed, and how many of those wait.
    /// </summary>
    public async Task<(int Changed, int Waiting)> SetAnswerAsync(Guid eventId, IReadOnlyCollection<Guid> guestIds, RsvpAnswer answer, CancellationToken ct = default)
    {
        if (answer == RsvpAnswer.Accepted)
        {
            var ids = await db.Guests.Where(g => g.EventId == eventId && guestIds.Contains(g.Id) && g.Rsvp != answer).OrderBy(g => g.AddedAt).ThenBy(g => g.Id)
                .Select(g => g.Id).ToListAsync(ct);
            var waiting = 0;
            foreach (var id in ids)
            {
                var result = await answers.RecordAsync(eventId, id, g => g.Rsvp = RsvpAnswer.Accepted, byOffice: true, ct);
                waiting += result.Outcome == Invitations.Answers.Outcome.Waitlisted ? 1 : 0;
            }
            return (ids.Count, waiting);
        }
        var guests = await db.Guests.AsTracking().Where(g => g.EventId == eventId && guestIds.Contains(g.Id) && g.Rsvp != answer).ToListAsync(ct);
        var now = clock.GetUtcNow();
        guests.ForEach(g => (g.Rsvp, g.WaitlistedAt) = (answer, answer == RsvpAnswer.Waitlisted ? now : null));
        await db.SaveChangesAsync(ct);
        return (guests.Count, answer == RsvpAnswer.Waitlisted ? guests.Count : 0);
    }

    /// <summary>Takes people off the event's list, with their seats; returns how many went.</summary>
    public async Task<int> RemoveAsync(Guid eventId, IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default)
    {
        var guests = await db.Guests.AsTracking().Where(g => g.EventId == eventId && guestIds.Contains(g.Id)).ToListAsync(ct);
        db.Guests.RemoveRange(guests);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // An invitation not yet sent to someone taken off the list is not sent at all.
        var removed = guests.Select(g => (Guid?)g.Id).ToList();
        // A deputy stays on the list as a guest of their own when the one they stood for is taken off it.
        await db.Guests.Where(g => g.EventId == eventId && removed.Contains(g.SubstituteForId))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.SubstituteForId, (Guid?)null), ct);
        await db.OutboxMessages.Where(m => m.AboutType == Email.OutboxAbout.GuestType && removed.Contains(m.AboutId) && m.Status == Email.OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Email.OutboxStatus.Failed).SetProperty(m => m.LastError, "Taken off the guest list before this was sent."), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return guests.Count;
    }

    /// <summary>The ids of the mission's people matching a filter (an empty filter is everyone).</summary>
    public Task<List<Guid>> MatchingAsync(Guid missionId, ContactDirectory.Filter filter, CancellationToken ct = default) =>
        directory.Search(filter with { MissionId = missionId }).Select(c => c.Id).ToListAsync(ct);

    /// <summary>The mission's own practice on precedence, as its protocol office set it.</summary>
    public async Task<PrecedenceSettings> SettingsAsync(Guid missionId, CancellationToken ct = default) =>
        (await db.Missions.AsNoTracking().FirstAsync(m => m.Id == missionId, ct)).Precedence;

    /// <summary>How the office looks at the list: filtered by name (any script), category, organization and answer, in an order.</summary>
    public sealed record View(string? Name = null, string? Category = null, string? Organization = null, RsvpAnswer? Answer = null, string Sort = "precedence");

    /// <summary>The orders the office can read the list in; precedence first, the default.</summary>
    public static readonly string[] Sorts = ["precedence", "name", "category", "organization", "answer"];

    /// <summary>
    /// The guests of <paramref name="ranked"/> that <paramref name="view"/> lets through, in its order, each with their
    /// place in the order of precedence (kept as the second key, so equal rows stay in precedence order).
    /// </summary>
    public static List<(Guest Guest, int Precedence)> Arrange(IEnumerable<(Guest Guest, PrecedenceEntry Place)> ranked, View view)
    {
        var nameKey = Text.Clean(view.Name) is { } n ? Text.Fold(n) : null;
        var (category, organization) = (Text.Clean(view.Category), Text.Clean(view.Organization));
        var rows = ranked.Select(r => (r.Guest, Precedence: r.Place.Position))
            .Where(r => nameKey is null || r.Guest.Contact!.SearchText.Contains(nameKey, StringComparison.Ordinal))
            .Where(r => category is null || r.Guest.Contact!.Category?.Name == category)
            .Where(r => organization is null || r.Guest.Contact!.Organization?.Name == organization)
            .Where(r => view.Answer is not { } a || r.Guest.Rsvp == a);
        return [.. view.Sort switch
        {
            "name" => rows.OrderBy(r => r.Guest.Contact!.SortName, StringComparer.Ordinal),
            "category" => rows.OrderBy(r => r.Guest.Contact!.Category?.SortOrder ?? int.MaxValue).ThenBy(r => r.Precedence),
            "organization" => rows.OrderBy(r => r.Guest.Contact!.Organization?.Name ?? "\uffff", StringComparer.CurrentCulture).ThenBy(r => r.Precedence),
            "answer" => rows.OrderBy(r => r.Guest.Rsvp).ThenBy(r => r.Precedence),
            _ => rows,
        }];
    }

    /// <summary>The guest list by precedence with each place explained, under the mission's settings.</summary>
    public async Task<List<(Guest Guest, PrecedenceEntry Place)>> RankedAsync(Guid missionId, Guid eventId, CancellationToken ct = default)
    {
        var guests = await LoadAsync(eventId, ct);
        var order = await OrderAsync(missionId, guests, await SettingsAsync(missionId, ct), ct);
        var byContact = guests.ToDictionary(g => g.ContactId);
        return [.. order.Select(e => (byContact[e.Person.Id], e))];
    }

    /// <summary>The guest list with contacts loaded, by precedence (docs/events.md §4, the mission's settings) or alphabetically by name.</summary>
    public async Task<List<Guest>> ReadAsync(Guid missionId, Guid eventId, bool byPrecedence, CancellationToken ct = default)
    {
        var guests = await LoadAsync(eventId, ct);
        if (!byPrecedence)
        {
            return [.. guests.OrderBy(g => g.Contact!.SortName, StringComparer.Ordinal).ThenBy(g => g.Id)];
        }
        var byContact = guests.ToDictionary(g => g.ContactId);
        return [.. (await OrderAsync(missionId, guests, await SettingsAsync(missionId, ct), ct)).Select(e => byContact[e.Person.Id])];
    }

    /// <summary>The counts alone, read as five columns a guest rather than the whole list with its people: the guest list's page asks after every save.</summary>
    public async Task<GuestCounts> CountsAsync(Guid eventId, CancellationToken ct = default)
    {
        var rows = await db.Guests.Where(g => g.EventId == eventId)
            .Select(g => new { g.Rsvp, g.WithPartner, g.PlusOnes, g.Contact!.SpouseLastName }).ToListAsync(ct);
        return GuestCounts.Of(rows.Select(r => new Guest { Rsvp = r.Rsvp, WithPartner = r.WithPartner, PlusOnes = r.PlusOnes, Contact = new Contacts.Contact { SpouseLastName = r.SpouseLastName } }));
    }

    private async Task<List<Guest>> LoadAsync(Guid eventId, CancellationToken ct)
    {
        var guests = await WithPeople(db.Guests.Where(g => g.EventId == eventId)).ToListAsync(ct);
        guests.ForEach(g => Contact.HideIfErased(g.Contact));
        return guests;
    }

    /// <summary>One guest of the event with their person, organization and category, as the list reads them.</summary>
    public async Task<Guest> ReadOneAsync(Guid eventId, Guid guestId, CancellationToken ct = default)
    {
        var guest = await WithPeople(db.Guests.Where(g => g.EventId == eventId && g.Id == guestId)).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("guest");
        Contact.HideIfErased(guest.Contact);
        return guest;
    }

    private static IQueryable<Guest> WithPeople(IQueryable<Guest> guests) =>
        guests.Include(g => g.Contact).ThenInclude(c => c!.Organization).Include(g => g.Contact).ThenInclude(c => c!.Category).AsNoTracking();

    /// <summary>
    /// The dean (doyen) of the diplomatic corps as the mission recorded them (the host's foreign ministry says who it
    /// is); null when none is recorded, or the one recorded has left the directory.
    /// </summary>
    public async Task<Guid?> DeanAsync(Guid missionId, CancellationToken ct = default)
    {
        var dean = await db.Missions.Where(m => m.Id == missionId).Select(m => m.DeanContactId).FirstOrDefaultAsync(ct);
        // The dean stays recorded, but counts only while still an ambassador or envoy (one recalled, or now a
        // chargé d'affaires, is no longer the dean; the precedence page then offers the suggestion again).
        return dean is { } id && await db.Contacts.AnyAsync(c => c.Id == id && c.MissionId == missionId && c.ErasedAt == null
            && (c.HeadOfMissionClass == HeadOfMissionClass.Ambassador || c.HeadOfMissionClass == HeadOfMissionClass.Envoy), ct) ? id : null;
    }

    /// <summary>
    /// Who the directory suggests as dean: the Holy See's representative where the host gives it precedence, else the
    /// ambassador who presented credentials first. Only a suggestion: a directory rarely holds the whole corps, so the
    /// mission records the dean itself.
    /// </summary>
    public async Task<Guid?> SuggestedDeanAsync(Guid missionId, CancellationToken ct = default)
    {
        var corps = await CorpsAsync(missionId, ct);
        var recorded = corps.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return Precedence.Dean(corps.Select(c => Candidate(c, recorded[c.Id])), await SettingsAsync(missionId, ct))?.Id;
    }

    // The whole corps the mission knows, so staff follow their head's place even when the head is not invited.
    private Task<List<Contact>> CorpsAsync(Guid missionId, CancellationToken ct) =>
        db.Contacts.Include(c => c.Organization)
            .Where(c => c.MissionId == missionId && c.ErasedAt == null && c.HeadOfMissionClass != null)
            .AsNoTracking().ToListAsync(ct);

    private async Task<IReadOnlyList<PrecedenceEntry>> OrderAsync(Guid missionId, List<Guest> guests, PrecedenceSettings settings, CancellationToken ct)
    {
        var corps = await CorpsAsync(missionId, ct);
        var recorded = guests.Select(g => g.Contact!).Concat(corps).DistinctBy(c => c.Id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return Precedence.Order(guests.Select(g => Candidate(g.Contact!, recorded[g.ContactId])), settings, corps.Select(c => Candidate(c, recorded[c.Id])));
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
        ArrivalNotified = c.ArrivalNotified,
        NotifiedOrder = c.NotifiedOrder,
        ManualRank = c.ManualRank,
        Category = c.Category?.Name,
        CategoryOrder = c.Category?.SortOrder,
        HeadsInternationalOrganization = c.HeadsInternationalOrganization,
        OrganizationRank = c.Organization?.Type == OrganizationType.InternationalOrganization ? c.Organization.HostRank : null,
        // The import format has one date column: for a chargé d'affaires a.i. it is when they took up the function.
        TookUpFunction = c.HeadOfMissionClass == HeadOfMissionClass.ChargeDAffairesAdInterim ? c.CredentialsPresented : null,
        RepresentsHolySee = string.Equals(c.Organization?.Country, "Holy See", StringComparison.OrdinalIgnoreCase),
        DiplomaticRank = c.DiplomaticRank,
        RecordedOrder = recordedOrder,
    };
}
