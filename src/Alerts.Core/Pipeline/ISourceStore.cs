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

    /// <summary>Removes a source; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
