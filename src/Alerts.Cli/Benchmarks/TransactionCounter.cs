using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Alerts.Cli.Benchmarks;

/// <summary>
/// Counts every request the storage clients send (each try, as the service bills them), by service and operation:
/// "queue PUT" (send), "queue GET" (receive or peek), "queue DELETE", "table POST" (insert), "table GET"...
/// </summary>
internal sealed class TransactionCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _byResource = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

    /// <summary>The same requests by the queue or table they went to: "table POST storyindex", "queue GET articles".</summary>
    public IReadOnlyDictionary<string, long> ByResource() => new Dictionary<string, long>(_byResource);

    public long Total => _counts.Values.Sum();

    public void Reset()
    {
        _counts.Clear();
        _byResource.Clear();
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();
        var service = uri.Port == QueuePort ? "queue" : "table";
        var operation = $"{service} {message.Request.Method}";
        _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);
        // The emulator's path is /account/resource...: a table's entity paths carry their keys in brackets.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1].Split('(')[0] : "(account)";
        _byResource.AddOrUpdate($"{operation} {resource}", 1, (_, count) => count + 1);
    }

    public int QueuePort { get; init; }
}
