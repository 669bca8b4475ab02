using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Alerts.Core.Pipeline;

namespace Alerts.Core.Topics;

/// <summary>Topics held in memory: used by <c>alerts score</c>, tests and benchmarks.</summary>
public sealed class InMemoryTopicStore : ITopicStore
{
    private readonly ConcurrentDictionary<string, WatchTopic> topics = new(StringComparer.Ordinal);
    private long version;

    /// <summary>An empty store.</summary>
    public InMemoryTopicStore()
    {
    }

    /// <summary>A store holding <paramref name="initial"/>.</summary>
    public InMemoryTopicStore(IEnumerable<WatchTopic> initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        foreach (var topic in initial)
        {
            topics[topic.Id] = topic;
        }

        version = 1;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<WatchTopic> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var topic in topics.Values.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return topic;
        }
    }

    /// <inheritdoc/>
    public Task<WatchTopic?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(topics.TryGetValue(id, out var topic) ? topic : null);

    /// <inheritdoc/>
    public Task UpsertAsync(WatchTopic topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        topics[topic.Id] = topic;
        Interlocked.Increment(ref version);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var removed = topics.TryRemove(id, out _);
        if (removed)
        {
            Interlocked.Increment(ref version);
        }

        return Task.FromResult(removed);
    }

    /// <inheritdoc/>
    public Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Read(ref version).ToString(CultureInfo.InvariantCulture));
}
