namespace Alerts.Core.Pipeline;

/// <summary>Removes what has outlived its window, store by store; each answers how many rows it removed.</summary>
public interface IRetentionStore
{
    /// <summary>Articles last written before <paramref name="cutoff"/>.</summary>
    Task<int> RemoveArticlesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Delivery records (and their entries in the time-ordered listing) last written before <paramref name="cutoff"/>.</summary>
    Task<int> RemoveDeliveriesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Near-duplicate fingerprints seen before <paramref name="cutoff"/>: too old for a new copy to join.</summary>
    Task<int> RemoveStoryFingerprintsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Records of which outlets carried a story, written before <paramref name="cutoff"/>.</summary>
    Task<int> RemoveStoryCopiesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The workbench's copies of articles first seen before <paramref name="cutoff"/>.</summary>
    Task<int> RemoveRecentArticlesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Daily send counts (for caps) last written before <paramref name="cutoff"/>.</summary>
    Task<int> RemoveSendCountsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
