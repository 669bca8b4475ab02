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

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

    public long Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();
        var service = uri.Port == QueuePort ? "queue" : "table";
        var operation = $"{service} {message.Request.Method}";
        _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);
    }

    public int QueuePort { get; init; }
}
