using Chancery.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Email;

/// <summary>Writes each message as an .eml file, so the app can be tried without a mail server.</summary>
internal sealed class PickupFolderMailTransport(IOptions<EmailOptions> options, DataFolder dataFolder, TimeProvider clock) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = Path.Combine(dataFolder.Path, options.Value.PickupFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }
}
