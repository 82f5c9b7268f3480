using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new MailKit.Net.Smtp.SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
