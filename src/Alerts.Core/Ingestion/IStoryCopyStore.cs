namespace Alerts.Core.Ingestion;

/// <summary>The copies of each story, read when an alert is sent so that it can list the other outlets.</summary>
public interface IStoryCopyStore
{
    /// <summary>Records a copy (idempotent per article key).</summary>
    Task AddCopyAsync(string clusterKey, StoryCopy member, CancellationToken cancellationToken);

    /// <summary>The copies recorded for a story, excluding the story's first article.</summary>
    Task<IReadOnlyList<StoryCopy>> ListCopiesAsync(string clusterKey, CancellationToken cancellationToken);
}
