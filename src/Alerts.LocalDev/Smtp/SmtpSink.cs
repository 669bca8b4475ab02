using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Alerts.LocalDev.Smtp;

/// <summary>
/// A real SMTP server on 127.0.0.1 that accepts mail for anyone, keeps what it receives and saves each message
/// as <c>.eml</c> (and its HTML body as <c>.html</c>) so a person can open it. Used by <c>alerts demo</c> and the tests
/// in place of a mail provider: the client speaks the full SMTP conversation to it.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly ArrivalLog<ReceivedEmail> _received = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _timeProvider;
    private SmtpServer.SmtpServer? _server;
    private Task? _serverTask;
    private int _sequence;
    private volatile Func<string, bool>? _rejectRecipient;

    private readonly Action<ReceivedEmail>? _onArrival;

    private SmtpSink(string outputDirectory, TimeProvider timeProvider, Action<ReceivedEmail>? onArrival)
    {
        OutputDirectory = outputDirectory;
        _timeProvider = timeProvider;
        _onArrival = onArrival;
    }

    /// <summary>Always the loopback address: the sink never listens on other interfaces.</summary>
    public string Host => IPAddress.Loopback.ToString();

    /// <summary>The port the sink listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Where received messages are saved.</summary>
    public string OutputDirectory { get; }

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedEmail> Messages => _received.Snapshot();

    /// <summary>
    /// Recipients for which this returns true are refused at RCPT TO with <c>550</c>, as a real server refuses
    /// an unknown mailbox. Null (the default) accepts everyone.
    /// </summary>
    public Func<string, bool>? RejectRecipient
    {
        get => _rejectRecipient;
        set => _rejectRecipient = value;
    }

    /// <summary>
    /// Configuration values (keys of <c>Alerts:Smtp</c>) that point Alerts' e-mail channel at this sink,
    /// ready for <c>AddInMemoryCollection</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ChannelSettings(string fromAddress = "alerts@localhost") => new Dictionary<string, string?>
    {
        ["Alerts:Smtp:Host"] = Host,
        ["Alerts:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alerts:Smtp:Security"] = "None",
        ["Alerts:Smtp:FromAddress"] = fromAddress,
        ["Alerts:Smtp:FromName"] = "Alerts (local)",
    };

    /// <summary>Starts a sink and returns once it accepts connections.</summary>
    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SmtpSinkOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);

        var outputDirectory = options.OutputDirectory
            ?? Path.Combine(Path.GetTempPath(), "alerts-smtp-sink", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outputDirectory);

        var sink = new SmtpSink(Path.GetFullPath(outputDirectory), options.TimeProvider, options.OnArrival);
        try
        {
            await sink.ListenAsync(options, cancellationToken);
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until a message matching <paramref name="predicate"/> has arrived (or returns one that already has).</summary>
    /// <exception cref="TimeoutException">None arrived within <paramref name="timeout"/>.</exception>
    public Task<ReceivedEmail> WaitForMessageAsync(Func<ReceivedEmail, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
        => _received.WaitForAsync(predicate, timeout, "e-mail", cancellationToken);

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived and returns all of them.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/>.</exception>
    public Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
        => _received.WaitForCountAsync(count, timeout, "e-mail", cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _server?.Shutdown();
        await _stopping.CancelAsync();
        if (_serverTask is not null)
        {
            try
            {
                await _serverTask.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Shutting down: an in-flight session being cut off is expected.
            }
        }

        _stopping.Dispose();
    }

    private async Task ListenAsync(SmtpSinkOptions options, CancellationToken cancellationToken)
    {
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listenerFactory = new NoDelayEndpointListenerFactory();
        listenerFactory.Started += (_, local) => bound.TrySetResult(local.Port);

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("alerts-smtp-sink")
            .MaxMessageSize(options.MaxMessageSize, MaxMessageSizeHandling.Strict)
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, options.Port))
                .IsSecure(false)
                .AuthenticationRequired(false)
                .AllowUnsecureAuthentication(true))
            .Build();

        var services = new ServiceProvider();
        services.Add(listenerFactory);
        services.Add(new SinkMailboxFilter(this));
        services.Add(new SinkMessageStore(this));

        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _serverTask = _server.StartAsync(_stopping.Token);

        using var startDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startDeadline.CancelAfter(StartTimeout);
        var first = await Task.WhenAny(bound.Task, _serverTask).WaitAsync(startDeadline.Token);
        if (first != bound.Task)
        {
            // The server task ended before the endpoint started: surface why (port in use, ...).
            await _serverTask;
            throw new InvalidOperationException("The SMTP sink stopped before it started listening.");
        }

        Port = await bound.Task;
    }

    private bool IsRejected(string recipient) => _rejectRecipient?.Invoke(recipient) ?? false;

    private async Task<SmtpResponse> SaveAsync(IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        // The .eml is the bytes as received, so what a person opens is exactly what the client sent.
        var raw = new byte[buffer.Length];
        buffer.CopyTo(raw);
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException)
        {
            return new SmtpResponse(SmtpReplyCode.SyntaxError, "message could not be parsed as MIME");
        }

        var sequence = Interlocked.Increment(ref _sequence);
        var receivedAt = _timeProvider.GetUtcNow();
        var baseName = Path.Combine(OutputDirectory, FileNames.ForArrival(receivedAt, sequence, message.Subject));

        var emlPath = baseName + ".eml";
        await File.WriteAllBytesAsync(emlPath, raw, cancellationToken);

        string? htmlPath = null;
        if (message.HtmlBody is { } html)
        {
            htmlPath = baseName + ".html";
            await File.WriteAllTextAsync(htmlPath, html, cancellationToken);
        }

        var recipients = transaction.To.Select(mailbox => mailbox.AsAddress()).ToArray();
        var email = new ReceivedEmail(sequence, transaction.From?.AsAddress() ?? string.Empty, recipients, message, emlPath, htmlPath, receivedAt);
        _received.Add(email);
        _onArrival?.Invoke(email);

        return new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Ok: queued as sink-{sequence}");
    }

    private sealed class SinkMessageStore(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
            => sink.SaveAsync(transaction, buffer, cancellationToken);
    }

    private sealed class SinkMailboxFilter(SmtpSink sink) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
            => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
            => Task.FromResult(!sink.IsRejected(to.AsAddress()));
    }
}
