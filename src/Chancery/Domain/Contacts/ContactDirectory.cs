using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts;

/// <summary>
/// The directory's people: search, read, create, edit, delete and bulk changes. Its categories are
/// <see cref="ContactCategories"/>', its organizations <see cref="Organizations"/>', and a person's own data (export,
/// erasure) <see cref="PersonalData"/>'s.
/// </summary>
public sealed class ContactDirectory(ChanceryDb db, TimeProvider clock, ContactCategories missionCategories)
{
    /// <summary>
    /// Who reads the directory (Admin always): the protocol office keeps it, the press office names people from it.
    /// Not the door: its staff are often temporary, and see only their event's guests as the door shows them.
    /// </summary>
    public static readonly MissionRole[] Readers = [MissionRole.Protocol, MissionRole.Press];

    /// <summary>
    /// What to look for; <c>MissionId</c> narrows a user of several missions to one of them. A person matches
    /// <c>Category</c> or any of <c>Categories</c> ("Diplomatic corps" and "Government" for one reception).
    /// </summary>
    public sealed record Filter(string? Q = null, string? Category = null, OrganizationType? OrganizationType = null, string? Tag = null, string? Country = null, Guid? MissionId = null,
        IReadOnlyList<string>? Categories = null, List<Guid>? Missions = null)
    {
        public List<string> AllCategories => [.. new[] { Category }.Concat(Categories ?? []).Select(Text.Clean).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The mission's people (erased ones left out) matching the filter. It touches the Contacts table only:
    /// the organization's name is part of each contact's search text, and type, country and category filters
    /// are sub-queries, so a search over 20,000 people is one scan with no joins.
    /// </summary>
    public IQueryable<Contact> Search(Filter f)
    {
        var q = db.Contacts.Where(c => c.ErasedAt == null);
        if (f.MissionId is { } missionId)
        {
            q = q.Where(c => c.MissionId == missionId);
        }
        if (f.Missions is { } missions)
        {
            q = q.Where(c => missions.Contains(c.MissionId));
        }
        if (Text.Fold(f.Q) is { Length: > 0 } text)
        {
            q = q.Where(c => c.SearchText.Contains(text));
        }
        if (f.AllCategories is { Count: > 0 } categories)
        {
            q = q.Where(c => db.Categories.Where(k => categories.Contains(k.Name)).Select(k => (Guid?)k.Id).Contains(c.CategoryId));
        }
        if (f.OrganizationType is { } type)
        {
            q = q.Where(c => db.Organizations.Where(o => o.Type == type).Select(o => (Guid?)o.Id).Contains(c.OrganizationId));
        }
        if (Text.Clean(f.Tag) is { } tag)
        {
            q = q.Where(c => c.Tags.Contains(tag));
        }
        if (Text.Clean(f.Country) is { } country)
        {
            q = q.Where(c => db.Organizations.Where(o => o.Country == country).Select(o => (Guid?)o.Id).Contains(c.OrganizationId));
        }
        return q;
    }

    /// <summary>The same people with their organization and category loaded.</summary>
    public static IQueryable<Contact> WithDetails(IQueryable<Contact> q) => q.Include(c => c.Organization).Include(c => c.Category);

    // The one-record read every client makes, compiled once (EF Core caches the query's translation and shaper, and
    // the mission filter's list is one parameter). It was a hand-written statement with its own 30-column mapping
    // until the house rules fenced hand-written SQL (docs/architecture.md): measured both ways, the difference was
    // not one a user sees (docs/performance.md), and this path keeps the mission filter in one place.
    // The mission filter is the contact's: its organization and category are of its mission by constraint
    // (MissionLinks), so their own filters would only add two subqueries to the joins.
    // One per provider: a compiled query belongs to the model it first ran with, and SQLite's and PostgreSQL's differ.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<ChanceryDb, Guid, Guid[], Task<Contact?>>> ReadOne = new();

    private static Func<ChanceryDb, Guid, Guid[], Task<Contact?>> CompileReadOne() => EF.CompileAsyncQuery((ChanceryDb db, Guid id, Guid[] missions) =>
        db.Contacts.IgnoreQueryFilters().AsNoTracking().Include(c => c.Organization).Include(c => c.Category)
            .FirstOrDefault(c => c.Id == id && c.ErasedAt == null && missions.Contains(c.MissionId)));

    /// <summary>
    /// One person of the unit of work's missions (not erased), with organization and category, to show (for
    /// <see cref="Missions.MissionScope.FindAsync{T}(Task{T}, string, Missions.MissionRole[])"/>); not for saving.
    /// </summary>
    public Task<Contact?> ReadToShowAsync(Guid id) => ReadOne.GetOrAdd(db.GetType(), _ => CompileReadOne())(db, id, db.VisibleMissionIds);

    /// <summary>One person of the user's missions (not erased), with details, as a query (for <see cref="Missions.MissionScope.FindAsync"/>).</summary>
    public IQueryable<Contact> One(Guid id, bool track = false)
    {
        var q = WithDetails(Search(new())).Where(c => c.Id == id);
        return track ? q.AsTracking() : q.AsNoTracking();
    }

    /// <summary>One person of the user's missions (not erased), with details; null when there is none (or it is another mission's).</summary>
    public Task<Contact?> FindAsync(Guid id, bool track = false, CancellationToken ct = default) => One(id, track).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The filtered people to export, in name order: only from the missions where the caller may export the whole
    /// directory (Protocol or Admin); Press and Door read people one by one but never take the list away.
    /// </summary>
    public Task<List<Contact>> ExportRowsAsync(Missions.MissionScope scope, Filter filter, CancellationToken ct = default)
    {
        var allowed = scope.Memberships.Where(m => scope.Can(m.MissionId, Missions.MissionRole.Protocol)).Select(m => m.MissionId).ToArray();
        return WithDetails(ByName(Search(filter).Where(c => allowed.Contains(c.MissionId)))).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// Deletes a person from the directory. Someone on a guest list stays: their answers and seats are the event's
    /// record; erasure (on request) is what removes their data while keeping the counts.
    /// </summary>
    public async Task DeleteAsync(Contact contact, CancellationToken ct = default)
    {
        var events = await db.Guests.Where(g => g.ContactId == contact.Id).Join(db.Events, g => g.EventId, e => e.Id, (g, e) => e.Title).Take(3).ToListAsync(ct);
        if (events.Count > 0)
        {
            throw new DomainException(
                $"{contact.DisplayName} is on the guest list of {string.Join(", ", events)}. Remove them from the list first, or erase their data instead (it keeps the event's counts).",
                kind: DomainErrorKind.Conflict);
        }
        if (await db.ProgrammeItems.AnyAsync(p => p.SpeakerContactId == contact.Id, ct))
        {
            throw new DomainException($"{contact.DisplayName} speaks in an event's programme; choose another speaker there first.", kind: DomainErrorKind.Conflict);
        }
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the Latin name a person has checked: the transliteration shown becomes the person's own, and no longer a guess.</summary>
    public async Task<bool> KeepLatinNameAsync(Contact contact, CancellationToken ct = default)
    {
        if (contact.Latin is not { Source: Names.LatinSource.Machine or Names.LatinSource.Uncertain } latin)
        {
            return false;
        }
        contact.LatinName = latin.Filed;
        contact.RefreshKeys();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// One page of a search in name order, with details. EF Core limits the Contacts query first (walking
    /// the directory index) and joins organization and category to that page only.
    /// </summary>
    public Task<List<Contact>> PageAsync(Filter f, int offset, int limit, CancellationToken ct = default) =>
        WithDetails(ByName(Search(f)).Skip(offset).Take(limit)).AsNoTracking().ToListAsync(ct);

    public static IOrderedQueryable<Contact> ByName(IQueryable<Contact> q) =>
        q.OrderBy(c => c.SortName).ThenBy(c => c.Id);

    /// <summary>Creates (existing null) or updates a person. Refuses with the errors by field name; nothing is saved then.</summary>
    /// <remarks>
    /// Another office saving at the same moment may create the same organization or category first, or take the same
    /// e-mail address: this save then runs again on what it wrote, and finds the organization, or says whose the address is.
    /// A retry starts from the person as the database now has them (erased meanwhile: not found), never from the
    /// lost attempt's half-applied changes.
    /// </remarks>
    public Task<Contact> SaveAsync(Guid missionId, Contact? existing, ContactInput input, CancellationToken ct = default)
    {
        var retry = false;
        return db.RetryOnConflictAsync(async () =>
        {
            var current = retry && existing is not null ? await FindAsync(existing.Id, track: true, ct) ?? throw DomainException.NotFound("contact") : existing;
            retry = true;
            return await SaveOnceAsync(missionId, current, input, ct);
        }, ct);
    }

    private async Task<Contact> SaveOnceAsync(Guid missionId, Contact? existing, ContactInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors.TryAdd(field, [message]);

        foreach (var (field, value) in new[] { (nameof(input.Honorific), input.Honorific), (nameof(input.FirstName), input.FirstName), (nameof(input.LastName), input.LastName),
                     (nameof(input.LatinName), input.LatinName), (nameof(input.Position), input.Position), (nameof(input.DiplomaticRank), input.DiplomaticRank),
                     (nameof(input.Email), input.Email), (nameof(input.Phone), input.Phone), (nameof(input.Language), input.Language),
                     (nameof(input.SpouseHonorific), input.SpouseHonorific), (nameof(input.SpouseFirstName), input.SpouseFirstName),
                     (nameof(input.SpouseLastName), input.SpouseLastName), (nameof(input.Notes), input.Notes) })
        {
            db.Check<Contact>(errors, field, value);
        }
        db.Check<Organization>(errors, nameof(input.OrganizationName), input.OrganizationName, nameof(Organization.Name));
        db.Check<Organization>(errors, nameof(input.OrganizationCountry), input.OrganizationCountry, nameof(Organization.Country));
        db.Check<Category>(errors, nameof(input.Category), input.Category, nameof(Category.Name));
        if (ContactRules.TagsProblem(input.Tags) is { } tagsProblem)
        {
            Error(nameof(input.Tags), tagsProblem);
        }

        var lastName = Text.Clean(input.LastName);
        if (lastName is null)
        {
            Error(nameof(input.LastName), "A family name is required (a person with a single name puts it here).");
        }
        if (Names.Romanization.Problem(Text.Clean(input.LatinName)) is { } latinProblem)
        {
            Error(nameof(input.LatinName), $"The Latin name {latinProblem}.");
        }
        Names.NameOrder? nameOrder = null;
        if (Text.Clean(input.NameOrder) is { } orderText && (nameOrder = ContactRules.ParseEnum<Names.NameOrder>(orderText)) is null)
        {
            Error(nameof(input.NameOrder), $"'{orderText}' {ContactRules.NameOrderMessage}");
        }
        Gender? gender = null;
        if (Text.Clean(input.Gender) is { } genderText && (gender = ContactRules.ParseEnum<Gender>(genderText)) is null)
        {
            Error(nameof(input.Gender), $"'{genderText}' is not a gender; use Female or Male, or leave it empty to read it from the honorific.");
        }
        HeadOfMissionClass? hoc = null;
        if (Text.Clean(input.HeadOfMissionClass) is { } hocText && (hoc = ContactRules.ParseEnum<HeadOfMissionClass>(hocText)) is null)
        {
            Error(nameof(input.HeadOfMissionClass), $"'{hocText}' {ContactRules.ClassMessage}");
        }
        DateTime? Date(string field, string? text)
        {
            if (Text.Clean(text) is not { } t)
            {
                return null;
            }
            if (ContactRules.TryParseDate(t, out var d))
            {
                return d;
            }
            Error(field, $"'{t}' {ContactRules.DateMessage}");
            return null;
        }
        var credentials = Date(nameof(input.CredentialsPresented), input.CredentialsPresented);
        var arrival = Date(nameof(input.ArrivalNotified), input.ArrivalNotified);
        if (input.NotifiedOrder is < 1)
        {
            Error(nameof(input.NotifiedOrder), "The notified order starts at 1 (the first person the mission notified).");
        }
        if (input.ManualRank is < 1)
        {
            Error(nameof(input.ManualRank), "A rank starts at 1 (first); leave it empty to place the person by name.");
        }
        var email = Text.Clean(input.Email);
        if (email is not null && !ContactRules.IsEmail(email))
        {
            Error(nameof(input.Email), $"'{email}' {ContactRules.EmailMessage}");
        }
        else if (email is not null)
        {
            var normalized = email.ToLowerInvariant();
            var other = await db.Contacts.Where(c => c.MissionId == missionId && c.NormalizedEmail == normalized && c.ErasedAt == null && c.Id != (existing == null ? Guid.Empty : existing.Id))
                .Select(c => new Contact { FirstName = c.FirstName, LastName = c.LastName, NameOrder = c.NameOrder, Language = c.Language }).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                Error(nameof(input.Email), $"{email} already belongs to {other.FullName} in the directory.");
            }
        }
        var language = Text.Clean(input.Language);
        if (language is not null && !ContactRules.IsLanguageTag(language))
        {
            Error(nameof(input.Language), $"'{language}' {ContactRules.LanguageMessage}");
        }
        OrganizationType? orgType = null;
        if (Text.Clean(input.OrganizationType) is { } typeText && (orgType = ContactRules.ParseEnum<OrganizationType>(typeText)) is null)
        {
            Error(nameof(input.OrganizationType), $"'{typeText}' {ContactRules.TypeMessage}");
        }
        DomainException.ThrowIfAny(errors, "The contact has errors; see each field.");

        var contact = existing ?? new Contact { MissionId = missionId, CreatedAt = clock.GetUtcNow() };
        contact.Honorific = Text.Clean(input.Honorific);
        contact.FirstName = Text.Clean(input.FirstName);
        contact.LastName = lastName!;
        contact.LatinName = Text.Clean(input.LatinName);
        contact.NameOrder = nameOrder;
        contact.Position = Text.Clean(input.Position);
        contact.Gender = gender;
        contact.DiplomaticRank = Text.Clean(input.DiplomaticRank);
        contact.HeadOfMissionClass = hoc;
        contact.CredentialsPresented = credentials;
        contact.ArrivalNotified = arrival;
        contact.NotifiedOrder = input.NotifiedOrder;
        contact.ManualRank = input.ManualRank;
        contact.HeadsInternationalOrganization = input.HeadsInternationalOrganization;
        contact.NotNamedPublicly = input.NotNamedPublicly;
        contact.Email = email;
        contact.Phone = Text.Clean(input.Phone);
        contact.Language = language;
        contact.Tags = [.. (input.Tags ?? []).Select(Text.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
        contact.SpouseHonorific = Text.Clean(input.SpouseHonorific);
        contact.SpouseFirstName = Text.Clean(input.SpouseFirstName);
        contact.SpouseLastName = Text.Clean(input.SpouseLastName);
        contact.Notes = Text.Clean(input.Notes);
        contact.Organization = await FindOrCreateOrganizationAsync(missionId, Text.Clean(input.OrganizationName), orgType, Text.Clean(input.OrganizationCountry), ct);
        contact.OrganizationId = contact.Organization?.Id;
        contact.Category = await FindOrCreateCategoryAsync(missionId, Text.Clean(input.Category), ct);
        contact.CategoryId = contact.Category?.Id;
        contact.RefreshKeys();
        if (contact.NormalizedEmail is null && await db.Contacts.Where(c => c.MissionId == missionId && c.NameKey == contact.NameKey && c.NormalizedEmail == null && c.ErasedAt == null && c.Id != contact.Id)
                .AnyAsync(ct))
        {
            var at = contact.Organization is { } o ? $" of {o.Name}" : "";
            throw new DomainException($"{contact.FullName}{at} is already in the directory. If this is another person, give one of them an e-mail address.",
                nameof(input.LastName));
        }
        if (existing is null)
        {
            db.Contacts.Add(contact);
        }
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private async Task<Organization?> FindOrCreateOrganizationAsync(Guid missionId, string? name, OrganizationType? type, string? country, CancellationToken ct)
    {
        if (name is null)
        {
            return null;
        }
        var key = Text.Fold(name);
        var org = await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.MissionId == missionId && o.NormalizedName == key, ct);
        if (org is null)
        {
            org = new Organization { MissionId = missionId, Name = name, NormalizedName = key, Type = type ?? OrganizationType.Other, Country = country };
            db.Organizations.Add(org);
        }
        return org;
    }

    private async Task<Category?> FindOrCreateCategoryAsync(Guid missionId, string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return null;
        }
        var categories = await missionCategories.ListAsync(missionId, ct);
        var category = categories.FirstOrDefault(c => Text.Fold(c.Name) == Text.Fold(name));
        if (category is null)
        {
            category = new Category { MissionId = missionId, Name = name, SortOrder = categories.Count };
            db.Categories.Add(category);
        }
        return category;
    }

    /// <summary>Adds a tag to, or sets the category of, the chosen people of the mission.</summary>
    public Task<int> BulkAsync(Guid missionId, IReadOnlyCollection<Guid> ids, string? addTag, string? category, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(() => BulkOnceAsync(missionId, ids, addTag, category, ct), ct);

    private async Task<int> BulkOnceAsync(Guid missionId, IReadOnlyCollection<Guid> ids, string? addTag, string? category, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        db.Check<Category>(errors, "setCategory", category, nameof(Category.Name));
        if (ContactRules.TagsProblem(addTag is null ? null : [addTag]) is { } tagProblem)
        {
            errors["addTag"] = [tagProblem];
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors, errors.Values.First()[0]);
        }
        var people = await db.Contacts.AsTracking().Include(c => c.Organization).Where(c => c.MissionId == missionId && ids.Contains(c.Id) && c.ErasedAt == null).ToListAsync(ct);
        var tag = Text.Clean(addTag);
        var full = people.Where(c => tag is not null && c.Tags.Count >= ContactRules.MaxTags && !c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
        if (full.Count > 0)
        {
            throw new DomainException($"{string.Join(", ", full.Take(3).Select(c => c.DisplayName))}{(full.Count > 3 ? $" and {full.Count - 3} more" : "")} already "
                + $"{(full.Count == 1 ? "has" : "have")} {ContactRules.MaxTags} tags, the most a person has; remove one of theirs first. Nobody was changed.", "addTag");
        }
        var target = await FindOrCreateCategoryAsync(missionId, Text.Clean(category), ct);
        foreach (var c in people)
        {
            if (tag is not null && !c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                c.Tags = [.. c.Tags, tag];
                c.RefreshKeys();
            }
            if (target is not null)
            {
                c.Category = target;
                c.CategoryId = target.Id;
            }
        }
        await db.SaveChangesAsync(ct);
        return people.Count;
    }
}
