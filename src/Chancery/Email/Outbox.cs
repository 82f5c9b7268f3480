using Chancery.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>Queues mail in the database; <see cref="OutboxWorker"/> sends it.</summary>
public sealed class Outbox(ChanceryDb db, TimeProvider clock, IOptions<EmailOptions> options, OutboxSignal signal)
{
    /// <summary>
    /// Adds the message to the outbox unless one with the same <paramref name="dedupKey"/> is already
    /// there for the mission. Saves immediately. Returns the row (new or existing).
    /// </summary>
    public async Task<OutboxMessage> EnqueueAsync(Guid missionId, string dedupKey, MimeMessage message, CancellationToken ct = default)
    {
        var existing = await db.OutboxMessages.IgnoreQueryFilters()
            .FirstOrDefaultAsync(m => m.MissionId == missionId && m.DedupKey == dedupKey, ct);
        if (existing is not null)
        {
            return existing;
        }

        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(options.Value.From));
        }
        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, ct);
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            MissionId = missionId,
            DedupKey = dedupKey,
            Recipient = string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            Subject = message.Subject ?? "",
            Mime = buffer.ToArray(),
            Status = OutboxStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return row;
    }
}
