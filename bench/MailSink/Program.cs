using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

// Usage: dotnet MailSink.dll --urls http://127.0.0.1:PORT --smtp SMTP_PORT [--keep FOLDER]
// GET / answers "messages bytes". With --keep, the first three messages are written there as .eml to look at.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var smtpPort = int.Parse(builder.Configuration["smtp"] ?? "2525", System.Globalization.CultureInfo.InvariantCulture);
var counter = new Counter(builder.Configuration["keep"]);
var app = builder.Build();
app.MapGet("/", () => $"{counter.Messages} {counter.Bytes}");

var options = new SmtpServerOptionsBuilder().ServerName("localhost")
    .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, smtpPort))).Build();
var services = new SmtpServer.ComponentModel.ServiceProvider();
services.Add(counter);
services.Add(new NoDelayListenerFactory());
var smtp = new SmtpServer.SmtpServer(options, services).StartAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();
await smtp;

internal sealed class Counter(string? keep) : MessageStore
{
    private long _messages, _bytes;

    public long Messages => Interlocked.Read(ref _messages);
    public long Bytes => Interlocked.Read(ref _bytes);

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, buffer.Length);
        if (keep is not null && n <= 3)
        {
            Directory.CreateDirectory(keep);
            await File.WriteAllBytesAsync(Path.Combine(keep, $"message-{n}.eml"), buffer.ToArray(), cancellationToken);
        }
        return SmtpResponse.Ok;
    }
}

// Replies go out at once: without NoDelay, the second of two pipelined replies waits for the client's delayed
// acknowledgement of the first (40 ms a message), which real mail servers avoid by writing them together.
internal sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    // Plain TCP only: the bench speaks SMTP without TLS.
    private sealed class Pipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();
        private System.IO.Pipelines.PipeReader? _input;
        private System.IO.Pipelines.PipeWriter? _output;

        public System.IO.Pipelines.PipeReader Input => _input ??= System.IO.Pipelines.PipeReader.Create(_stream);
        public System.IO.Pipelines.PipeWriter Output => _output ??= System.IO.Pipelines.PipeWriter.Create(_stream);
        public bool IsSecure => false;
        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The bench's mail server takes no TLS.");

        public void Dispose() => client.Dispose();
    }
}
