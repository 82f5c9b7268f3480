using MimeKit;

namespace Chancery.Email;

/// <summary>Hands one finished message to the world: an SMTP server or a folder of .eml files.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
