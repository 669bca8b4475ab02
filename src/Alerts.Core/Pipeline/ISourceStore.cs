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
    /// Changes the source as it is now: <paramref name="change"/> gets the stored source and returns the new one, or null
    /// to leave it; written only if nobody changed the source meanwhile (otherwise read and changed again), so the
    /// fetcher's and timer's fields never overwrite an operator's edit or bring back a deleted source. Answers the
    /// written source, or null when there is none or nothing was changed.
    /// </summary>
    Task<FeedSource?> UpdateAsync(string id, Func<FeedSource, FeedSource?> change, CancellationToken cancellationToken);

    /// <summary>Removes a source; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
