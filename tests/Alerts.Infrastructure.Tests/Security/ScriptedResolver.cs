using System.Collections.Concurrent;
using System.Net;
using Alerts.Infrastructure.Http;

namespace Alerts.Infrastructure.Tests.Security;

/// <summary>A DNS stand-in whose answers a test writes, including answers that change between lookups.</summary>
internal sealed class ScriptedResolver : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, Queue<IPAddress[]>> answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.OrdinalIgnoreCase);

    public IPAddress[] this[string host]
    {
        set => answers[host] = new Queue<IPAddress[]>([value]);
    }

    public void Sequence(string host, params IPAddress[][] sequence) => answers[host] = new Queue<IPAddress[]>(sequence);

    public int Calls(string host) => calls.GetValueOrDefault(host);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        calls.AddOrUpdate(host, 1, (_, n) => n + 1);
        if (!answers.TryGetValue(host, out var queue))
        {
            return Task.FromResult(Array.Empty<IPAddress>());
        }

        lock (queue)
        {
            // The last answer repeats, like a record that stays changed.
            return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
        }
    }
}
