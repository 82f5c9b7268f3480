using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Chancery.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port that keeps what it receives. It can be made slow: after
/// <see cref="Hold"/>, each sender waits at MAIL FROM until the test lets it through, so a client that gives up
/// there has delivered nothing.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>();
    private readonly SemaphoreSlim _permits = new(0);
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _held;
    private int _sessions;
    private Task? _running;

    /// <summary>How many SMTP connections clients opened.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>From now on every sender waits at MAIL FROM for <see cref="Release"/> or <see cref="Open"/>.</summary>
    public void Hold() => _held = true;

    /// <summary>Lets <paramref name="count"/> waiting or future senders through.</summary>
    public void Release(int count = 1) => _permits.Release(count);

    private int _repliesToLose;

    /// <summary>
    /// The next message is kept, but its "250 OK" never goes out: the server waits until the client gives up, as a
    /// mail server whose answer was lost on the way. The client cannot tell it was taken.
    /// </summary>
    public void LoseNextReply() => Interlocked.Increment(ref _repliesToLose);

    /// <summary>Stops holding senders and lets the waiting ones through.</summary>
    public void Open()
    {
        _held = false;
        _permits.Release(1000);
    }

    /// <summary>Returns once a sender is waiting at MAIL FROM.</summary>
    public async Task SenderWaitingAsync(int seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    // The port is bound from construction (the app under test is configured with it before the server starts,
    // sometimes long before, to play a mail server that is away) and handed over only as the server binds it.
    // Bound but not listening: until then a client is refused at once, as by a server that is down.
    private Socket? _reservation;

    public SmtpTestServer()
    {
        _reservation = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _reservation.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_reservation.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public SmtpTestServer Start()
    {
        _reservation?.Dispose();
        _reservation = null;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Gate(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
        return this;
    }

    /// <summary>The next message received, or a failure after <paramref name="seconds"/>.</summary>
    public async Task<MimeMessage> NextAsync(int seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTake(out MimeMessage? message) => _received.Reader.TryRead(out message);

    public async ValueTask DisposeAsync()
    {
        _reservation?.Dispose();
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
    }

    private sealed class Gate(SmtpTestServer server) : IMailboxFilter
    {
        public async Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken)
        {
            if (server._held)
            {
                server._arrivals.Writer.TryWrite(true);
                await server._permits.WaitAsync(cancellationToken);
            }
            return true;
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            await server._received.Writer.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            if (Interlocked.Decrement(ref server._repliesToLose) >= 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken); // until the server stops
            }
            else
            {
                Interlocked.Increment(ref server._repliesToLose);
            }
            return SmtpResponse.Ok;
        }
    }
}
