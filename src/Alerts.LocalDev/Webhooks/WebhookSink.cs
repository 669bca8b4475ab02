using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.LocalDev.Webhooks;

/// <summary>
/// A real HTTP listener (Kestrel) on 127.0.0.1 that stands in for a Teams Workflows webhook or any webhook receiver:
/// it accepts POST on any path, records each request, saves the payload to a folder and answers 202 by default,
/// or with scripted answers (429 with Retry-After, 500, 404, a legacy "HTTP error" body...) queued by a test.
/// </summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly ArrivalLog<ReceivedRequest> _received = new();
    private readonly ConcurrentQueue<SinkResponse> _script = new();
    private readonly WebhookSinkOptions _options;
    private WebApplication? _app;
    private int _sequence;
    private int _disposed;

    private WebhookSink(WebhookSinkOptions options, string outputDirectory)
    {
        _options = options;
        OutputDirectory = outputDirectory;
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where payloads are saved.</summary>
    public string OutputDirectory { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _received.Snapshot();

    /// <summary>Starts a sink and returns once it listens.</summary>
    public static async Task<WebhookSink> StartAsync(WebhookSinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WebhookSinkOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);

        var outputDirectory = options.OutputDirectory
            ?? Path.Combine(Path.GetTempPath(), "alerts-webhook-sink", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outputDirectory);

        var sink = new WebhookSink(options, Path.GetFullPath(outputDirectory));
        try
        {
            await sink.ListenAsync(cancellationToken);
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>A URL on this sink for the given path, e.g. <c>Url("teams/ops")</c>.</summary>
    public Uri Url(string path = "") => new(BaseUrl, path.TrimStart('/'));

    /// <summary>Queues answers for the next requests, in order; once used up the default answer applies again.</summary>
    public void Enqueue(params SinkResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    /// <summary>Waits until a request matching <paramref name="predicate"/> has arrived (or returns one that already has).</summary>
    /// <exception cref="TimeoutException">None arrived within <paramref name="timeout"/>.</exception>
    public Task<ReceivedRequest> WaitForRequestAsync(Func<ReceivedRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
        => _received.WaitForAsync(predicate, timeout, "webhook request", cancellationToken);

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived and returns all of them.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/>.</exception>
    public Task<IReadOnlyList<ReceivedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
        => _received.WaitForCountAsync(count, timeout, "webhook request", cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _app is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A client holding a connection open must not keep the sink alive.
        }

        await _app.DisposeAsync();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings, environment or command line and watches no files: a sink is
        // configured only by its options, and many sinks in one test run cost no file watchers.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebhookSink).Assembly.GetName().Name,
            ContentRootPath = OutputDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, _options.Port);
            kestrel.Limits.MaxRequestBodySize = _options.MaxBodySize;
            kestrel.AddServerHeader = false;
        });

        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        BaseUrl = new Uri($"http://{IPAddress.Loopback}:{port}/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }

        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            context.Response.StatusCode = ex.StatusCode;
            return;
        }

        var answer = _script.TryDequeue(out var scripted) ? scripted : _options.DefaultResponse;
        var sequence = Interlocked.Increment(ref _sequence);
        var receivedAt = _options.TimeProvider.GetUtcNow();
        var savedPath = Path.Combine(
            OutputDirectory,
            FileNames.ForArrival(receivedAt, sequence, context.Request.Path.Value) + (IsJson(body) ? ".json" : ".txt"));
        await File.WriteAllTextAsync(savedPath, body, context.RequestAborted);

        var headers = context.Request.Headers.ToDictionary(
            header => header.Key,
            header => header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);

        // Beside the body, so a signature (X-Alerts-Signature, X-Alerts-Timestamp) can be checked against it later.
        await File.WriteAllTextAsync(
            Path.ChangeExtension(savedPath, ".headers.txt"),
            string.Concat(headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key}: {h.Value}\n")),
            context.RequestAborted);

        var request = new ReceivedRequest(
            sequence,
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            headers,
            body,
            savedPath,
            answer.StatusCode,
            receivedAt);
        _received.Add(request);
        _options.OnArrival?.Invoke(request);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (!string.IsNullOrEmpty(answer.Body))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private static bool IsJson(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
