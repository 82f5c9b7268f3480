using Chancery.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>
/// Queues mail as part of the caller's own unit of work: the rows are added to the caller's context and commit
/// with the caller's SaveChanges (the guest's new state and its invitation together, or neither). The worker is
/// woken once the save has gone through. <see cref="OutboxWorker"/> sends.
/// </summary>
public sealed class Outbox(ChanceryDb db, TimeProvider clock, IOptions<EmailOptions> options, OutboxSignal signal)
{
    /// <summary>
    /// Adds a rendered message unless one with the same <paramref name="dedupKey"/> is already queued or sent for
    /// the mission; returns the row (new or existing). Nothing is written until the caller saves.
    /// </summary>
    public async Task<OutboxMessage> AddAsync(Guid missionId, string dedupKey, MimeMessage message, OutboxAbout? about = null, CancellationToken ct = default)
    {
        if (await ExistingAsync(missionId, [dedupKey], ct) is { Count: > 0 } existing)
        {
            return existing[dedupKey];
        }
        var content = await OutboxContent.OfAsync(message, options.Value.From, ct);
        var row = NewRow(missionId, dedupKey, renderer: null, about);
        (row.Mime, row.Recipient, row.Subject, row.MessageId) = (content.Mime, content.Recipient, content.Subject, content.MessageId);
        Add(row);
        return row;
    }

    /// <summary>
    /// Adds one message per item, to be written by the renderer named <paramref name="renderer"/> in the worker,
    /// skipping keys already queued. One query however many items; nothing is written until the caller saves.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> AddForRenderingAsync(Guid missionId, string renderer, IReadOnlyList<(string DedupKey, OutboxAbout About, string Recipient)> items, CancellationToken ct = default)
    {
        var existing = await ExistingAsync(missionId, [.. items.Select(i => i.DedupKey)], ct);
        var rows = new List<OutboxMessage>(items.Count);
        foreach (var (key, about, recipient) in items)
        {
            if (existing.TryGetValue(key, out var found))
            {
                rows.Add(found);
                continue;
            }
            var row = NewRow(missionId, key, renderer, about);
            row.Recipient = OutboxContent.Clip(recipient, 320);
            Add(row);
            existing[key] = row;
            rows.Add(row);
        }
        return rows;
    }

    private OutboxMessage NewRow(Guid missionId, string dedupKey, string? renderer, OutboxAbout? about)
    {
        var now = clock.GetUtcNow();
        return new OutboxMessage
        {
            MissionId = missionId,
            DedupKey = dedupKey,
            Renderer = renderer,
            AboutType = about?.Type,
            AboutId = about?.Id,
            Status = OutboxStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
        };
    }

    private void Add(OutboxMessage row)
    {
        db.OutboxMessages.Add(row);
        db.AfterSave(signal.Wake);
    }

    // Rows of this unit of work not saved yet count too: queuing twice before one save still queues once.
    private async Task<Dictionary<string, OutboxMessage>> ExistingAsync(Guid missionId, string[] keys, CancellationToken ct)
    {
        var found = db.OutboxMessages.Local.Where(m => m.MissionId == missionId && keys.Contains(m.DedupKey)).ToDictionary(m => m.DedupKey);
        var stored = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.MissionId == missionId && keys.Contains(m.DedupKey)).ToListAsync(ct);
        foreach (var row in stored)
        {
            found.TryAdd(row.DedupKey, row);
        }
        return found;
    }
}
