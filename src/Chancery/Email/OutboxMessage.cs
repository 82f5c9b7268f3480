using Chancery.Domain.Audit;
using Chancery.Domain.Missions;

namespace Chancery.Email;

public enum OutboxStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail waiting to go, or gone. It is written in the same save as the change that caused it, so the two
/// commit together or not at all. The message is stored whole (MIME) once rendered — at queuing time, or by the
/// worker for mail that a <see cref="IOutboxRenderer"/> writes (a batch of thousands is not rendered inside a
/// request) — so a retry sends exactly what was first rendered. <see cref="DedupKey"/> is unique per mission:
/// queuing the same thing twice finds the first row instead of sending again.
/// </summary>
public sealed class OutboxMessage : IMissionScoped, INotAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MissionId { get; init; }
    public required string DedupKey { get; init; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    /// <summary>The rendered message; null until the worker renders it with <see cref="Renderer"/>.</summary>
    public byte[]? Mime { get; set; }
    /// <summary>The <see cref="IOutboxRenderer.Name"/> that writes this message in the worker, when it was queued unrendered.</summary>
    public string? Renderer { get; init; }
    /// <summary>What the message is about (<see cref="OutboxAbout"/>), so a guest's or colleague's mail can be found and erased.</summary>
    public string? AboutType { get; init; }
    public Guid? AboutId { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>The worker (server and process) that holds the lease; only it may send or complete the message.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>Until when <see cref="LeaseOwner"/> holds it. Renewed just before each send, and no send outlives it.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The message's Message-Id header, the same on every attempt: by it mail programs recognise a copy.</summary>
    public string? MessageId { get; set; }
    /// <summary>
    /// Attempts that handed the message over and then heard nothing back (the connection dropped, the answer never
    /// came): the mail server may have taken the message, and the retry may deliver a second copy. Delivery is
    /// at least once, not exactly once — no mail system can do better — and the Mail page says so where it happened.
    /// </summary>
    public int UnconfirmedAttempts { get; set; }
}

/// <summary>
/// A rendered message as the outbox stores it: the MIME bytes (with the sender filled in when the writer left it
/// out) and the recipient and subject shown on the Mail page, cut to their columns. Used when a message is queued
/// rendered and when the worker renders one.
/// </summary>
public sealed record OutboxContent(byte[] Mime, string Recipient, string Subject, string MessageId)
{
    public static async Task<OutboxContent> OfAsync(MimeKit.MimeMessage message, string defaultFrom, CancellationToken ct)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(MimeKit.MailboxAddress.Parse(defaultFrom));
        }
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }
        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, ct);
        return new(buffer.ToArray(), Clip(string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), 320), Clip(message.Subject ?? "", 500), Clip(message.MessageId, 250));
    }

    /// <summary>Text cut to a column's length.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>What a message is about: a record type and its id.</summary>
public sealed record OutboxAbout(string Type, Guid Id)
{
    public const string MembershipType = "Membership";
    public const string GuestType = "Guest";
    public const string ContactType = "Contact";

    public static OutboxAbout Membership(Guid id) => new(MembershipType, id);
    public static OutboxAbout Guest(Guid id) => new(GuestType, id);
    public static OutboxAbout Contact(Guid id) => new(ContactType, id);
}
