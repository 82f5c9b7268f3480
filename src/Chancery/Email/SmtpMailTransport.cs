using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>SMTP through MailKit: one connection (and one sign-in) per batch, not per message.</summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)options.Value.SendTimeout.TotalMilliseconds };
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
            var host = smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
            // Without NoDelay, the message's last small write (the closing dot) waits for the server's delayed
            // acknowledgement of the one before: some 40 ms a message, which made a batch crawl at ten a second.
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, smtp.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, host, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct) => await client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quick.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException)
            {
                // The messages are sent or recorded as failed already; a QUIT that goes unanswered changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
