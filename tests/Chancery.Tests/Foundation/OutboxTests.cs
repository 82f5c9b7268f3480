using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Tests.Foundation;

/// <summary>Mail goes out through an outbox: queued once, sent once, retried when the server is away.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly int _port = SmtpTestServer.FreePort();
    private readonly TestApp _app = new();
    private SmtpTestServer? _smtp;

    public async ValueTask InitializeAsync()
    {
        _app.With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", "None");
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    private async Task<OutboxMessage> EnqueueAsync(string key)
    {
        var mission = await _app.DefaultMissionAsync();
        using var scope = _app.Services.CreateScope();
        var message = new MimeMessage { Subject = $"Invitation {key}" };
        message.To.Add(MailboxAddress.Parse("guest@example.org"));
        message.Body = new TextPart("plain") { Text = "Hello" };
        return await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync(mission.Id, key, message);
    }

    private Task<OutboxMessage> RowAsync(Guid id) => _app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Queuing_the_same_mail_twice_sends_it_once()
    {
        _smtp = new SmtpTestServer(_port).Start();

        var first = await EnqueueAsync("guest-1");
        var second = await EnqueueAsync("guest-1");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Invitation guest-1", (await _smtp.NextAsync()).Subject);
        await Task.Delay(1000);
        Assert.False(_smtp.TryTake(out _));
        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupKey == "guest-1")));
    }

    [Fact]
    public async Task A_mail_that_cannot_be_delivered_waits_and_is_retried_when_the_server_is_back()
    {
        var row = await EnqueueAsync("retry-me");
        OutboxMessage failed;
        var tries = 0;
        do
        {
            await Task.Delay(100);
            failed = await RowAsync(row.Id);
        }
        while (failed.Attempts == 0 && ++tries < 100);

        Assert.Equal(OutboxStatus.Queued, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.True(failed.NextAttemptAt > _app.Clock.GetUtcNow());

        _smtp = new SmtpTestServer(_port).Start();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Invitation retry-me", (await _smtp.NextAsync()).Subject);
        OutboxMessage sent;
        tries = 0;
        do
        {
            await Task.Delay(100);
            sent = await RowAsync(row.Id);
        }
        while (sent.Status != OutboxStatus.Sent && ++tries < 100);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }
}
