using Alerts.Core.Topics;

namespace Alerts.Core.Pipeline;

/// <summary>Watch topics.</summary>
public interface ITopicStore
{
    /// <summary>All topics.</summary>
    IAsyncEnumerable<WatchTopic> ListAsync(CancellationToken cancellationToken);

    /// <summary>One topic, or null.</summary>
    Task<WatchTopic?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a topic.</summary>
    Task UpsertAsync(WatchTopic topic, CancellationToken cancellationToken);

    /// <summary>Removes a topic; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>A value that changes whenever any topic changes, so indexes know when to refresh.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken);
}
