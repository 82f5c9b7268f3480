using MimeKit;

namespace Chancery.Email;

/// <summary>Hands finished messages to the world: an SMTP server or a folder of .eml files.</summary>
public interface IMailTransport
{
    /// <summary>Opens one session (one SMTP connection) that carries a batch of messages.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
