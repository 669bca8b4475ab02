namespace Alerts.Core.Feeds;

/// <summary>Fetches a feed over HTTP with conditional GET, size and time limits.</summary>
public interface IFeedFetcher
{
    /// <summary>Fetches the source's feed. Network and HTTP errors come back as <see cref="FeedFetchResult.Failed"/>.</summary>
    Task<FeedFetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken);
}

/// <summary>What a fetch produced.</summary>
public abstract record FeedFetchResult
{
    private FeedFetchResult() { }

    /// <summary>304: nothing changed since the stored validators.</summary>
    public sealed record NotModified : FeedFetchResult;

    /// <summary>A body to parse, with the validators to store and where it finally came from.</summary>
    public sealed record Fetched(ReadOnlyMemory<byte> Body, string? ContentType, FeedValidators Validators, Uri FinalUrl) : FeedFetchResult
    {
        /// <summary>Set when a permanent redirect (301/308) moved the feed: the stored URL is updated.</summary>
        public Uri? MovedPermanentlyTo { get; init; }
    }

    /// <summary>The fetch failed; <paramref name="RetryAfter"/> carries the server's Retry-After when it sent one.</summary>
    public sealed record Failed(string Error, int? StatusCode = null, TimeSpan? RetryAfter = null) : FeedFetchResult;
}
