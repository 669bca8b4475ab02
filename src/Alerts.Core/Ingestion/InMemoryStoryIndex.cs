namespace Alerts.Core.Ingestion;

/// <summary>
/// A process-local near-duplicate index and cluster store, for tests, the offline CLI and single-instance hosts.
/// Thread-safe; the Azure Tables implementation is the one that is shared between instances.
/// </summary>
public sealed class InMemoryStoryIndex(StoryIndexOptions options, TimeProvider timeProvider) : IStoryIndex, IStoryCopyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Entry>> buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> clusterOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoryCopy>> members = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string?> FindOrAddAsync(string articleKey, StoryFingerprint fingerprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleKey);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (fingerprint.IsEmpty)
        {
            return Task.FromResult<string?>(null);
        }

        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            if (clusterOf.TryGetValue(articleKey, out var known))
            {
                return Task.FromResult(known == articleKey ? null : known);
            }

            var bands = fingerprint.BandKeys();
            Entry? best = null;
            foreach (var band in bands)
            {
                if (!buckets.TryGetValue(band, out var bucket))
                {
                    continue;
                }

                foreach (var entry in bucket)
                {
                    if (now - entry.Seen <= options.Window
                        && entry.Fingerprint.IsSameStory(fingerprint, options.MinSimilarity, options.MinTitleOverlap)
                        && (best is null || entry.Seen < best.Seen))
                    {
                        best = entry;
                    }
                }
            }

            var cluster = best is null ? articleKey : clusterOf[best.ArticleKey];
            clusterOf[articleKey] = cluster;
            var added = new Entry(articleKey, fingerprint, now);
            foreach (var band in bands)
            {
                if (!buckets.TryGetValue(band, out var bucket))
                {
                    buckets[band] = bucket = [];
                }

                bucket.Add(added);
            }

            return Task.FromResult(best is null ? null : cluster);
        }
    }

    /// <inheritdoc />
    public Task AddCopyAsync(string clusterKey, StoryCopy member, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterKey);
        ArgumentNullException.ThrowIfNull(member);
        lock (gate)
        {
            if (!members.TryGetValue(clusterKey, out var list))
            {
                members[clusterKey] = list = [];
            }

            if (member.ArticleKey != clusterKey && !list.Exists(m => m.ArticleKey == member.ArticleKey))
            {
                list.Add(member);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoryCopy>> ListCopiesAsync(string clusterKey, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<StoryCopy> copy = members.TryGetValue(clusterKey, out var list) ? [.. list] : [];
            return Task.FromResult(copy);
        }
    }

    private sealed record Entry(string ArticleKey, StoryFingerprint Fingerprint, DateTimeOffset Seen);
}
