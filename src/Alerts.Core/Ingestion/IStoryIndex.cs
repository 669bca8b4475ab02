namespace Alerts.Core.Ingestion;

/// <summary>
/// Finds the story an article belongs to by content similarity, across sources. Implementations store each
/// fingerprint under its band keys and compare only the fingerprints sharing a band.
/// </summary>
public interface IStoryIndex
{
    /// <summary>
    /// Adds the article's fingerprint and returns the key of the story (cluster) it is a near-duplicate of, or
    /// null when it starts a new story. The cluster key is the key of the story's first article, which is the
    /// one that is alerted on.
    /// </summary>
    /// <remarks>Calling it again for the same article returns the same answer. Empty fingerprints are never clustered.</remarks>
    Task<string?> FindOrAddAsync(string articleKey, StoryFingerprint fingerprint, CancellationToken cancellationToken);
}
