using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Microsoft.Extensions.Caching.Memory;

namespace Alerts.Core.Pipeline;

/// <summary>
/// What the deliveries of one alert share, kept briefly by each instance: the article and its story's other outlets.
/// An alert goes to every subscriber of its topic (ten on average in the benchmark), and each delivery message would
/// otherwise read the same article row and query the same copies: two of a notification's eleven storage transactions.
/// The article is kept only in the version the message was scored on (its headline and summary), so an update is always
/// read afresh; the copies for a few seconds, so the subscribers of one alert see the same outlets and a copy ingested
/// later still reaches later alerts. Reads asked for at the same moment (the deliveries of one alert arrive together)
/// are made once; a failed read is not kept.
/// </summary>
public sealed class AlertedArticles(IArticleStore articles, IStoryCopyStore storyCopies) : IDisposable
{
    /// <summary>How many articles an instance keeps (and as many lists of copies).</summary>
    public const int Capacity = 1_000;

    /// <summary>How long an article is kept after it was last read.</summary>
    public static readonly TimeSpan ArticleKeptFor = TimeSpan.FromMinutes(5);

    /// <summary>How long a story's copies are kept after they were listed.</summary>
    public static readonly TimeSpan CopiesKeptFor = TimeSpan.FromSeconds(10);

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = 2 * Capacity });

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
        return await SharedAsync(
            "a\n" + key + "\n" + version,
            () => articles.GetAsync(key, CancellationToken.None),
            entry => entry.SlidingExpiration = ArticleKeptFor,
            article => article is not null && ScoreArticleHandler.VersionOf(article) == version,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The other outlets of the story the article starts, as listed in the last few seconds.</summary>
    public Task<IReadOnlyList<StoryCopy>> CopiesAsync(string storyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(storyKey);
        return SharedAsync(
            "c\n" + storyKey,
            () => storyCopies.ListCopiesAsync(storyKey, CancellationToken.None),
            entry => entry.AbsoluteExpirationRelativeToNow = CopiesKeptFor,
            _ => true,
            cancellationToken);
    }

    // One read for every caller that asks while it is kept; not the callers' tokens, since others wait on the same read.
    private async Task<T> SharedAsync<T>(string entry, Func<Task<T>> read, Action<ICacheEntry> expiry, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        var shared = kept.GetOrCreate(entry, options =>
        {
            options.Size = 1;
            expiry(options);
            return new Lazy<Task<T>>(read);
        })!;
        try
        {
            var value = await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!keep(value))
            {
                kept.Remove(entry);
            }

            return value;
        }
        catch (Exception) when (shared.Value.IsFaulted)
        {
            kept.Remove(entry);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => kept.Dispose();
}
