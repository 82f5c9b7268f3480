using System.Globalization;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Email;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts;

/// <summary>A person's own data: everything held about them for a subject-access request, and erasure on request.</summary>
public sealed class PersonalData(ChanceryDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Everything Chancery holds about one person, as JSON, for a subject-access request. The export itself is audited.</summary>
    public async Task<string> ExportAsync(Contact contact, CancellationToken ct = default)
    {
        var id = contact.Id.ToString();
        var history = await db.AuditEntries.Where(a => a.EntityType == nameof(Contact) && a.EntityId == id)
            .OrderBy(a => a.At).Select(a => new { a.At, a.Action, By = a.UserName, a.Changes }).ToListAsync(ct);
        var data = new
        {
            exportedAt = clock.GetUtcNow(),
            person = new
            {
                contact.Id,
                contact.Honorific,
                contact.FirstName,
                contact.LastName,
                contact.LatinName,
                contact.Position,
                contact.DiplomaticRank,
                HeadOfMissionClass = contact.HeadOfMissionClass?.ToString(),
                Gender = contact.Gender?.ToString(),
                CredentialsPresented = contact.CredentialsPresented?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ArrivalNotified = contact.ArrivalNotified?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                contact.NotifiedOrder,
                contact.ManualRank,
                contact.HeadsInternationalOrganization,
                contact.Email,
                contact.Phone,
                contact.Language,
                contact.Tags,
                Category = contact.Category?.Name,
                Organization = contact.Organization is { } o ? new { o.Name, Type = o.Type.ToString(), o.Country } : null,
                Spouse = new { contact.SpouseHonorific, contact.SpouseFirstName, contact.SpouseLastName },
                contact.Notes,
                contact.CreatedAt,
            },
            history,
        };
        AuditEvents.Add(db, contact.MissionId, "Exported personal data", nameof(Contact), id, clock);
        await db.SaveChangesAsync(ct);
        return JsonSerializer.Serialize(data, ExportJson);
    }

    /// <summary>The events still ahead whose guest lists hold the person: erasing them leaves a nameless guest there.</summary>
    public Task<List<string>> UpcomingEventsOfAsync(Guid contactId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.Guests.Where(g => g.ContactId == contactId).Join(db.Events, g => g.EventId, e => e.Id, (g, e) => e)
            .Where(e => e.StartsAtUtc > now).OrderBy(e => e.StartsAtUtc).Select(e => e.Title).ToListAsync(ct);
    }

    /// <summary>
    /// Erases a person on request: names and contact data are removed, also from the audit log's history of
    /// them; the row stays so past events keep their anonymous counts. The erasure itself is audited.
    /// </summary>
    public async Task EraseAsync(Contact contact, CancellationToken ct = default)
    {
        contact.Honorific = contact.FirstName = contact.LatinName = contact.Position = contact.DiplomaticRank = null;
        contact.Gender = null;
        contact.Email = contact.Phone = contact.Language = contact.Notes = null;
        contact.SpouseHonorific = contact.SpouseFirstName = contact.SpouseLastName = null;
        contact.CredentialsPresented = contact.ArrivalNotified = null;
        contact.NotifiedOrder = contact.ManualRank = null;
        // Where they worked and in what capacity say who they were ("the ambassador of …"): gone too. The guest
        // rows stay (the mission's counts still add up), counted without a category.
        contact.Organization = null;
        contact.OrganizationId = contact.CategoryId = null;
        contact.HeadOfMissionClass = null;
        contact.HeadsInternationalOrganization = false;
        contact.LastName = "(erased)";
        contact.Tags = [];
        contact.ErasedAt = clock.GetUtcNow();
        contact.RefreshKeys();
        var id = contact.Id.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AuditEntries.Where(a => a.EntityType == nameof(Contact) && a.EntityId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, "{}"), ct);
        // Mail to and about the person (invitations to each of their guest rows) is stored whole: it goes too.
        // What is still queued is not sent; the row stays, so the mission's counts still add up.
        var guestRows = db.Guests.Where(g => g.ContactId == contact.Id).Select(g => (Guid?)g.Id);
        // What they wrote with their answers (dietary needs, their companions' names) goes too, here and in the audit log.
        await db.Guests.Where(g => g.ContactId == contact.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.AnswerNote, (string?)null).SetProperty(g => g.PlusOneNames, (string?)null), ct);
        var guestIds = await db.Guests.Where(g => g.ContactId == contact.Id).Select(g => g.Id.ToString()).ToListAsync(ct);
        await db.AuditEntries.Where(a => a.EntityType == nameof(Guests.Guest) && guestIds.Contains(a.EntityId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, "{}"), ct);
        await db.OutboxMessages
            .Where(m => (m.AboutType == OutboxAbout.ContactType && m.AboutId == contact.Id) || (m.AboutType == OutboxAbout.GuestType && guestRows.Contains(m.AboutId)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Mime, (byte[]?)null).SetProperty(m => m.Recipient, "(erased)").SetProperty(m => m.Subject, "(erased)")
                .SetProperty(m => m.Status, m => m.Status == OutboxStatus.Queued ? OutboxStatus.Failed : m.Status)
                .SetProperty(m => m.LastError, m => m.Status == OutboxStatus.Queued ? "The person was erased before this was sent." : m.LastError), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
