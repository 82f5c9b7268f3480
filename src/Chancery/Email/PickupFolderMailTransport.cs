using Chancery.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>Writes each message as an .eml file, so the app can be tried without a mail server.</summary>
internal sealed class PickupFolderMailTransport(IOptions<EmailOptions> options, DataFolder dataFolder, TimeProvider clock) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var folder = Path.Combine(dataFolder.Path, options.Value.PickupFolder);
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailSession>(new Session(folder, clock));
    }

    private sealed class Session(string folder, TimeProvider clock) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct) =>
            await message.WriteToAsync(Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml"), ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
