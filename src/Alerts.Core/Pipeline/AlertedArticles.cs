using Alerts.Core.Articles;
using Microsoft.Extensions.Caching.Memory;

namespace Alerts.Core.Pipeline;

/// <summary>
/// The articles being alerted, kept for a few minutes by each instance. An alert goes to every subscriber of its topic
/// (ten on average in the benchmark), and each delivery message would otherwise read the same article from storage:
/// about one table read in eleven of a notification. An article is taken from memory only in the version the message
/// was scored on (its headline and summary), so an updated article is always read afresh.
/// </summary>
public sealed class AlertedArticles(IArticleStore articles) : IDisposable
{
    /// <summary>How many articles an instance keeps.</summary>
    public const int Capacity = 1_000;

    /// <summary>How long an article is kept after it was last read.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>
    /// The article as stored; from memory when the same <paramref name="version"/> was read lately, and read once when
    /// several messages ask for it at the same moment (the deliveries of one alert are handled together). Without a
    /// version (a message queued by an older build) it is always read.
    /// </summary>
    public async Task<Article?> GetAsync(string key, string? version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (version is null)
        {
            return await articles.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }

        var entry = key + "\n" + version;
        var read = kept.GetOrCreate(entry, options =>
        {
            options.Size = 1;
            options.SlidingExpiration = KeptFor;

            // Not the caller's token: other messages wait on the same read.
            return new Lazy<Task<Article?>>(() => articles.GetAsync(key, CancellationToken.None));
        })!;
        try
        {
            var article = await read.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (article is null || ScoreArticleHandler.VersionOf(article) != version)
            {
                // Gone, or updated since it was scored: not kept, so a later message reads it again.
                kept.Remove(entry);
            }

            return article;
        }
        catch (Exception) when (read.Value.IsFaulted)
        {
            kept.Remove(entry);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => kept.Dispose();
}
