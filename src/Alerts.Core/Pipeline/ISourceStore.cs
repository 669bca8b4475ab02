using Alerts.Core.Feeds;

namespace Alerts.Core.Pipeline;

/// <summary>Registered feed sources.</summary>
public interface ISourceStore
{
    /// <summary>All sources.</summary>
    IAsyncEnumerable<FeedSource> ListAsync(CancellationToken cancellationToken);

    /// <summary>One source, or null.</summary>
    Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a source.</summary>
    Task UpsertAsync(FeedSource source, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a fetch of the source is queued at <paramref name="queuedAt"/>, unless one is still pending
    /// (<see cref="FeedSource.HasPendingFetch"/> with <paramref name="givenUpBefore"/>) or the source changed meanwhile;
    /// true when recorded, and only then may the fetch be queued.
    /// </summary>
    Task<bool> TryMarkFetchQueuedAsync(string id, DateTimeOffset queuedAt, DateTimeOffset givenUpBefore, CancellationToken cancellationToken);

    /// <summary>Removes a source; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
