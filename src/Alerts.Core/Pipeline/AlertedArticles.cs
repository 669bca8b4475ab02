using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Microsoft.Extensions.Caching.Memory;

namespace Alerts.Core.Pipeline;

/// <summary>
/// What the deliveries of one alert share, kept briefly by each instance: the article and its story's other outlets.
/// An alert goes to every subscriber of its topic (ten on average in the benchmark), and each delivery message would
/// otherwise read the same article row and query the same copies: two of a notification's eleven storage transactions.
/// The article is kept for two minutes, only in the version the message was scored on (its headline and summary), so a
/// message of an update reads the update. The copies are never kept, only listed once for the messages that ask while
/// the query is under way, so a copy ingested a moment ago is in the next alert. Reads asked for at the same moment
/// (the deliveries of one alert arrive together) are made once; a read that fails or is cancelled is not kept.
/// </summary>
public sealed class AlertedArticles(IArticleStore articles, IStoryCopyStore storyCopies) : IDisposable
{
    /// <summary>The characters of headline, summary and body an instance keeps at most (about 16 MB).</summary>
    public const long ArticleCharacters = 8_000_000;

    /// <summary>How many stories' copies an instance may be listing at once.</summary>
    public const int StoryLists = 1_000;

    /// <summary>How long an article is kept after it was read.</summary>
    public static readonly TimeSpan ArticleKeptFor = TimeSpan.FromMinutes(2);

    // A listing under way is shared at most this long (a bound, should a query hang).
    private static readonly TimeSpan CopiesQueryLimit = TimeSpan.FromSeconds(30);

    private readonly SharedReads keptArticles = new(ArticleCharacters);
    private readonly SharedReads sharedCopies = new(StoryLists);

    /// <summary>
    /// The article as stored; from memory when the same <paramref name="version"/> was read lately. Without a version
    /// (a message queued by an older build) it is always read.
    /// </summary>
    public async Task<Article?> GetAsync(string key, string? version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (version is null)
        {
            return await articles.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }

        // Gone, or updated since it was scored: not kept, so a later message reads it again.
        return await keptArticles.GetAsync(
            key + "\n" + version,
            () => articles.GetAsync(key, CancellationToken.None),
            ArticleKeptFor,
            article => article is not null && ScoreArticleHandler.VersionOf(article) == version ? 1 + Characters(article) : null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The other outlets of a story (by the key of its first article). Listed once for the messages that ask while the
    /// query is under way, and never kept after it: a copy ingested a moment ago is in the next alert.
    /// </summary>
    public Task<IReadOnlyList<StoryCopy>> CopiesAsync(string storyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(storyKey);
        return sharedCopies.GetAsync(storyKey, () => storyCopies.ListCopiesAsync(storyKey, CancellationToken.None), CopiesQueryLimit, _ => null, cancellationToken);
    }

    /// <summary>
    /// Every other report of the story an article belongs to: its copies and, when the article is a later copy that
    /// alerted, the story's first article (the member list leaves the first article out, since it starts the story).
    /// </summary>
    public async Task<IReadOnlyList<StoryCopy>> StoryMembersAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var storyKey = article.StoryKey ?? article.Key;
        var copies = await CopiesAsync(storyKey, cancellationToken).ConfigureAwait(false);
        return storyKey == article.Key || await GetAsync(storyKey, null, cancellationToken).ConfigureAwait(false) is not { } first
            ? copies
            : [new StoryCopy(first.Key, first.SourceId, first.SourceName, first.Link), .. copies];
    }

    private static long Characters(Article article) => article.Title.Length + (article.Summary?.Length ?? 0) + (article.Content?.Length ?? 0);

    /// <inheritdoc />
    public void Dispose()
    {
        keptArticles.Dispose();
        sharedCopies.Dispose();
    }

    // One read for every caller that asks while it is kept, bounded by a size each value declares.
    private sealed class SharedReads(long sizeLimit) : IDisposable
    {
        private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = sizeLimit });
        private readonly Lock gate = new();

        // sizeOf: the value's size when it may be kept, null when it must not.
        public Task<T> GetAsync<T>(string entry, Func<Task<T>> read, TimeSpan keptFor, Func<T, long?> sizeOf, CancellationToken cancellationToken)
        {
            TaskCompletionSource<T>? started = null;
            Task<T> shared;
            lock (gate)
            {
                if (!kept.TryGetValue(entry, out Task<T>? known) || known is null)
                {
                    started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                    known = started.Task;
                    kept.Set(entry, known, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keptFor });
                }

                shared = known;
            }

            if (started is not null)
            {
                _ = ReadAsync(entry, started, read, keptFor, sizeOf);
            }

            return shared.WaitAsync(cancellationToken);
        }

        // Not the callers' tokens: others wait on the same read. The entry is settled before anyone sees the result, so
        // a message that comes after a read that must not be kept reads again.
        private async Task ReadAsync<T>(string entry, TaskCompletionSource<T> result, Func<Task<T>> read, TimeSpan keptFor, Func<T, long?> sizeOf)
        {
            try
            {
                var value = await read().ConfigureAwait(false);
                Settle(entry, result.Task, sizeOf(value), keptFor);
                result.SetResult(value);
            }
            catch (OperationCanceledException cancelled)
            {
                Settle(entry, result.Task, null, keptFor);
                result.SetCanceled(cancelled.CancellationToken);
            }
            catch (Exception failure)
            {
                Settle(entry, result.Task, null, keptFor);
                result.SetException(failure);
            }
        }

        // Keeps the finished read at its own size, or drops it (only if it is still the one kept).
        private void Settle<T>(string entry, Task<T> read, long? size, TimeSpan keptFor)
        {
            lock (gate)
            {
                if (!kept.TryGetValue(entry, out Task<T>? current) || !ReferenceEquals(current, read))
                {
                    return;
                }

                if (size is { } bytes)
                {
                    kept.Set(entry, read, new MemoryCacheEntryOptions { Size = bytes, AbsoluteExpirationRelativeToNow = keptFor });
                }
                else
                {
                    kept.Remove(entry);
                }
            }
        }

        public void Dispose() => kept.Dispose();
    }
}
