using MimeKit;

namespace Chancery.Email;

/// <summary>
/// Writes a message that was queued unrendered (see <see cref="Outbox.AddForRenderingAsync"/>), in the outbox
/// worker, in a scope of the message's mission. A batch of 2,000 invitations is 2,000 rows queued in one request
/// and rendered as they are sent. Register implementations as scoped services.
/// </summary>
public interface IOutboxRenderer
{
    /// <summary>The name stored on the message; never change it once messages carry it.</summary>
    string Name { get; }

    Task<MimeMessage> RenderAsync(OutboxMessage message, CancellationToken ct);
}
