using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts.Import;

/// <summary>
/// Checks an uploaded sheet against the mission's directory and, when asked and every row is good, applies
/// it in one transaction. A row is the same person as an existing contact when the e-mail matches (case
/// aside), else when organization, first and last name match; it then updates only what changed.
/// Any bad row means nothing is written.
/// </summary>
public sealed class ContactImporter(ChanceryDb db, TimeProvider clock, ImportLimits limits)
{
    /// <summary>An uploaded file, read: its name, its bytes (kept for the confirmation step) and its rows.</summary>
    public sealed record ImportFile(string FileName, byte[] Content, Sheet Sheet);

    /// <summary>
    /// Reads an upload within the limits, the same for the page and the API. Refuses (field <c>file</c>) a missing or
    /// empty file, one over the size limit, and one that is not a readable CSV or XLSX, saying which.
    /// </summary>
    public async Task<ImportFile> ReadAsync(Stream? content, long length, string? fileName, CancellationToken ct = default)
    {
        if (content is null || length == 0)
        {
            throw new DomainException("Choose a .csv or .xlsx file (sent as multipart/form-data in the field 'file').", "file");
        }
        if (length > limits.MaxFileBytes)
        {
            throw new DomainException(limits.TooLarge(length), "file", DomainErrorKind.TooLarge);
        }
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return Read(buffer.ToArray(), Path.GetFileName(fileName ?? ""), ct);
    }

    /// <summary>Reads a file kept from an earlier upload (the preview's confirmation).</summary>
    public ImportFile Read(byte[] content, string fileName, CancellationToken ct = default)
    {
        try
        {
            return new ImportFile(fileName, content, Sheet.Read(content, fileName, limits, ct));
        }
        catch (Sheet.UnreadableException e)
        {
            throw new DomainException(e.Message, "file");
        }
    }

    /// <summary>
    /// Checks the sheet, and with <paramref name="apply"/> writes it. Another import (or an edit) writing the same people
    /// at the same moment makes this one read the directory again and match the rows to what the other wrote.
    /// </summary>
    public Task<ImportReport> RunAsync(Guid missionId, Sheet sheet, bool apply, string fileName = "", CancellationToken ct = default) =>
        apply ? db.RetryOnConflictAsync(() => RunOnceAsync(missionId, sheet, apply, fileName, ct), ct) : RunOnceAsync(missionId, sheet, apply, fileName, ct);

    private async Task<ImportReport> RunOnceAsync(Guid missionId, Sheet sheet, bool apply, string fileName, CancellationToken ct)
    {
        // On PostgreSQL, imports into one mission take turns from before they read the directory, so the second
        // matches its rows to what the first wrote. (SQLite takes its one write lock at the save instead: held from
        // here, it would stop every other write in the app while a large file is matched; a lost race is retried.)
        await using var turn = apply && db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (turn is not null)
        {
            await db.TakeTurnsOnAsync(WriteConflicts.Turns.Mission, missionId, ct);
        }
        var errors = new List<ImportError>();
        var warnings = new List<string>();
        var columns = ImportColumns.Match(sheet.Headers);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null && !string.IsNullOrWhiteSpace(sheet.Headers[i]))
            {
                warnings.Add($"Column '{sheet.Headers[i]}' is not part of the import format and was left out.");
            }
        }
        if (!columns.Contains(ImportColumns.LastName))
        {
            errors.Add(new ImportError(1, ImportColumns.LastName, "The file has no LastName column; the first row must hold the column names (download the template)."));
            return new ImportReport { Errors = errors, Warnings = warnings };
        }
        if (sheet.Rows.Count == 0)
        {
            errors.Add(new ImportError(2, ImportColumns.LastName, "The file has no rows below its header."));
            return new ImportReport { Errors = errors, Warnings = warnings };
        }

        var parser = new ImportRowParser(sheet.Headers, columns, MaxLengths());
        var parsed = sheet.Rows.Select(r => parser.Parse(r, errors)).ToList();
        var badRows = errors.Select(e => e.Row).ToHashSet();

        var contacts = await db.Contacts.AsTracking().Where(c => c.MissionId == missionId && c.ErasedAt == null).ToListAsync(ct);
        var organizations = await db.Organizations.AsTracking().Where(o => o.MissionId == missionId).ToListAsync(ct);
        var categories = await db.Categories.AsTracking().Where(c => c.MissionId == missionId).ToListAsync(ct);
        var orgByName = organizations.GroupBy(o => o.NormalizedName).ToDictionary(g => g.Key, g => g.First());
        var orgById = organizations.ToDictionary(o => o.Id);
        var categoryByName = categories.ToDictionary(c => Text.Fold(c.Name));
        var byEmail = contacts.Where(c => c.NormalizedEmail is not null).GroupBy(c => c.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First());
        var byName = contacts.GroupBy(c => NameKey(c.OrganizationId is { } o && orgById.TryGetValue(o, out var org) ? org.Name : null, c.FirstName, c.LastName))
            .ToDictionary(g => g.Key, g => g.First());

        var claimed = new Dictionary<object, int>(); // contact (or new row key) -> first row that matched it
        var outcomes = new List<ImportRowOutcome>();
        var createdIds = new List<Guid>();
        var newOrganizations = new List<string>();
        var newCategories = new List<string>();
        var updatedOrganizations = new List<string>();
        var now = clock.GetUtcNow();

        foreach (var row in parsed)
        {
            if (badRows.Contains(row.Row))
            {
                continue;
            }
            var emailKey = ContactKeys.Email(row.Email);
            var nameKey = NameKey(row.Organization, row.FirstName, row.LastName);
            var existing = (emailKey is not null ? byEmail.GetValueOrDefault(emailKey) : null) ?? byName.GetValueOrDefault(nameKey);
            object identity = existing ?? (object)(emailKey ?? nameKey);
            if (claimed.TryGetValue(identity, out var firstRow) || (existing is null && emailKey is not null && claimed.TryGetValue(nameKey, out firstRow)))
            {
                errors.Add(new ImportError(row.Row, emailKey is not null ? Header(sheet, columns, ImportColumns.Email) : Header(sheet, columns, ImportColumns.LastName),
                    $"is the same person as row {firstRow}; keep one of the two rows"));
                continue;
            }
            claimed[identity] = row.Row;
            claimed.TryAdd(nameKey, row.Row);

            var organization = ResolveOrganization(row, missionId, orgByName, newOrganizations, updatedOrganizations);
            var category = ResolveCategory(row.Category, missionId, categoryByName, newCategories, categories.Count);
            // The file's row order is the order the host recorded people in, and precedence breaks ties by it:
            // 100 µs per row (the finest step both databases keep) makes "entered the directory" follow the rows.
            var contact = existing ?? new Contact { MissionId = missionId, CreatedAt = now.AddTicks(row.Row * 1000L) };
            var changed = Apply(row, contact, organization, category);
            contact.RefreshKeys();
            var action = existing is null ? ImportAction.Create : changed.Count > 0 ? ImportAction.Update : ImportAction.Unchanged;
            if (existing is null)
            {
                db.Contacts.Add(contact);
                db.AuditedInSummary.Add(contact);
                createdIds.Add(contact.Id);
            }
            outcomes.Add(new ImportRowOutcome(row.Row, contact.DisplayName, organization?.Name, action, changed));
        }

        if (errors.Count > 0 || !apply)
        {
            db.ChangeTracker.Clear(); // a check writes nothing
            db.AuditedInSummary.Clear();
        }
        if (errors.Count > 0)
        {
            return new ImportReport { Errors = [.. errors.OrderBy(e => e.Row)], Warnings = warnings };
        }
        if (apply)
        {
            // One audit entry names who imported which file and every person it created (ids only, so an
            // erasure leaves nothing behind in it); updates are audited field by field as usual.
            AuditEvents.Add(db, missionId, "Imported", "ContactImport", Guid.CreateVersion7().ToString(), clock,
                JsonSerializer.Serialize(new { file = fileName, created = createdIds, updated = outcomes.Count(o => o.Action == ImportAction.Update) }));
            await using var transaction = turn is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            await (transaction ?? turn)!.CommitAsync(ct);
        }
        return new ImportReport
        {
            Created = outcomes.Count(o => o.Action == ImportAction.Create),
            Updated = outcomes.Count(o => o.Action == ImportAction.Update),
            Unchanged = outcomes.Count(o => o.Action == ImportAction.Unchanged),
            Warnings = warnings,
            NewOrganizations = newOrganizations,
            NewCategories = newCategories,
            UpdatedOrganizations = updatedOrganizations,
            Rows = outcomes,
            Applied = apply,
        };
    }

    /// <summary>Each column's length as the model declares it for the field it fills.</summary>
    private Dictionary<string, int> MaxLengths()
    {
        var lengths = ImportColumns.All.Except([ImportColumns.OrganizationType, ImportColumns.HeadOfMissionClass, ImportColumns.CredentialsPresented,
            ImportColumns.Organization, ImportColumns.Country, ImportColumns.Category, ImportColumns.Tags, ImportColumns.HeadOfOrganization, ImportColumns.NameOrder]).ToDictionary(c => c, db.Max<Contact>);
        lengths[ImportColumns.Organization] = db.Max<Organization>(nameof(Organization.Name));
        lengths[ImportColumns.Country] = db.Max<Organization>(nameof(Organization.Country));
        lengths[ImportColumns.Category] = db.Max<Category>(nameof(Category.Name));
        // A type, a class or a date: words of a known list, never long; a long cell is refused before it is quoted back.
        lengths[ImportColumns.OrganizationType] = lengths[ImportColumns.HeadOfMissionClass] = lengths[ImportColumns.CredentialsPresented] = lengths[ImportColumns.HeadOfOrganization] = lengths[ImportColumns.NameOrder] = 40;
        return lengths;
    }

    private static string Header(Sheet sheet, string?[] columns, string column) => sheet.Headers[Array.IndexOf(columns, column)];

    private static string NameKey(string? organization, string? first, string? last) =>
        $"{Text.Fold(organization)}\u001f{Text.Fold(first)}\u001f{Text.Fold(last)}";

    private Organization? ResolveOrganization(ImportRowParser.Parsed row, Guid missionId, Dictionary<string, Organization> byName, List<string> created, List<string> updated)
    {
        if (row.Organization is null)
        {
            return null;
        }
        var key = Text.Fold(row.Organization);
        if (!byName.TryGetValue(key, out var org))
        {
            org = new Organization { MissionId = missionId, Name = row.Organization, NormalizedName = key, Type = row.OrganizationType ?? OrganizationType.Other, Country = row.Country };
            byName[key] = org;
            db.Organizations.Add(org);
            created.Add(org.Name);
            return org;
        }
        if ((row.OrganizationType is { } type && org.Type != type) || (row.Country is not null && org.Country != row.Country))
        {
            org.Type = row.OrganizationType ?? org.Type;
            org.Country = row.Country ?? org.Country;
            if (!created.Contains(org.Name) && !updated.Contains(org.Name))
            {
                updated.Add(org.Name);
            }
        }
        return org;
    }

    private Category? ResolveCategory(string? name, Guid missionId, Dictionary<string, Category> byName, List<string> created, int existingCount)
    {
        if (name is null)
        {
            return null;
        }
        var key = Text.Fold(name);
        if (!byName.TryGetValue(key, out var category))
        {
            category = new Category { MissionId = missionId, Name = name, SortOrder = existingCount + created.Count };
            byName[key] = category;
            db.Categories.Add(category);
            created.Add(name);
        }
        return category;
    }

    /// <summary>Copies the row's non-empty cells onto the contact; returns the names of the fields that changed.</summary>
    private static List<string> Apply(ImportRowParser.Parsed row, Contact c, Organization? organization, Category? category)
    {
        var changed = new List<string>();
        void Set<T>(string field, T? value, T? current, Action<T> assign)
        {
            if (value is not null && !EqualityComparer<T>.Default.Equals(value, current!))
            {
                assign(value);
                changed.Add(field);
            }
        }
        Set("Honorific", row.Honorific, c.Honorific, v => c.Honorific = v);
        Set("FirstName", row.FirstName, c.FirstName, v => c.FirstName = v);
        Set("LastName", row.LastName, c.LastName, v => c.LastName = v);
        Set("Position", row.Position, c.Position, v => c.Position = v);
        Set("DiplomaticRank", row.DiplomaticRank, c.DiplomaticRank, v => c.DiplomaticRank = v);
        Set("HeadOfMissionClass", row.HeadOfMissionClass, c.HeadOfMissionClass, v => c.HeadOfMissionClass = v);
        Set("CredentialsPresented", row.CredentialsPresented, c.CredentialsPresented, v => c.CredentialsPresented = v);
        Set("Email", row.Email, c.Email, v => c.Email = v);
        Set("Phone", row.Phone, c.Phone, v => c.Phone = v);
        Set("Language", row.Language, c.Language, v => c.Language = v);
        Set("LatinName", row.LatinName, c.LatinName, v => c.LatinName = v);
        Set("SpouseHonorific", row.SpouseHonorific, c.SpouseHonorific, v => c.SpouseHonorific = v);
        Set("SpouseFirstName", row.SpouseFirstName, c.SpouseFirstName, v => c.SpouseFirstName = v);
        Set("SpouseLastName", row.SpouseLastName, c.SpouseLastName, v => c.SpouseLastName = v);
        if (row.NameOrder is { } order && c.NameOrder != order)
        {
            c.NameOrder = order;
            changed.Add("NameOrder");
        }
        if (row.HeadOfOrganization is { } head)
        {
            Set("HeadOfOrganization", head, c.HeadsInternationalOrganization, v => c.HeadsInternationalOrganization = v);
        }
        if (organization is not null && c.OrganizationId != organization.Id)
        {
            c.OrganizationId = organization.Id;
            c.Organization = organization;
            changed.Add("Organization");
        }
        if (category is not null && c.CategoryId != category.Id)
        {
            c.CategoryId = category.Id;
            c.Category = category;
            changed.Add("Category");
        }
        if (row.Tags is { } tags && !tags.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(c.Tags.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
        {
            c.Tags = tags;
            changed.Add("Tags");
        }
        return changed;
    }
}
