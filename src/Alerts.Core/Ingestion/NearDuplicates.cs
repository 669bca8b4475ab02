namespace Alerts.Core.Ingestion;

/// <summary>How close two fingerprints must be to count as the same story, and for how long stories stay open.</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Smallest estimated Jaccard similarity (of word-pair shingles) between copies of one story.</summary>
    public double MinSimilarity { get; init; } = 0.4;

    /// <summary>Smallest share of the shorter title's words that copies of one story have in common.</summary>
    public double MinTitleOverlap { get; init; } = 0.25;

    /// <summary>How long a story collects near-duplicates; older fingerprints are ignored.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(3);
}

/// <summary>
/// Finds the story an article belongs to by content similarity, across sources. Implementations store each
/// fingerprint under its band keys and compare only the fingerprints sharing a band.
/// </summary>
public interface INearDuplicateIndex
{
    /// <summary>
    /// Adds the article's fingerprint and returns the key of the story (cluster) it is a near-duplicate of, or
    /// null when it starts a new story. The cluster key is the key of the story's first article, which is the
    /// one that is alerted on.
    /// </summary>
    /// <remarks>Calling it again for the same article returns the same answer. Empty fingerprints are never clustered.</remarks>
    Task<string?> FindOrAddAsync(string articleKey, StoryFingerprint fingerprint, CancellationToken cancellationToken);
}

/// <summary>One outlet's copy of a story.</summary>
/// <param name="ArticleKey">The copy's article key.</param>
/// <param name="SourceId">Where it came from.</param>
/// <param name="SourceName">Display name of the source.</param>
/// <param name="Link">The copy's link.</param>
public sealed record StoryClusterMember(string ArticleKey, string SourceId, string? SourceName, string? Link);

/// <summary>The copies of each story, read when an alert is sent so that it can list the other outlets.</summary>
public interface IStoryClusterStore
{
    /// <summary>Records a copy (idempotent per article key).</summary>
    Task AddMemberAsync(string clusterKey, StoryClusterMember member, CancellationToken cancellationToken);

    /// <summary>The copies recorded for a story, excluding the story's first article.</summary>
    Task<IReadOnlyList<StoryClusterMember>> ListMembersAsync(string clusterKey, CancellationToken cancellationToken);
}

/// <summary>Turns a story's copies into the "also reported by" list of an alert.</summary>
public static class StoryClusters
{
    /// <summary>
    /// The other outlets that carried the story of <paramref name="article"/>: copies from other sources, one per
    /// source, in the order recorded. Copies from the article's own source (an edited headline) are not "other outlets".
    /// </summary>
    public static IReadOnlyList<Delivery.RelatedSource> AlsoReportedBy(Articles.Article article, IEnumerable<StoryClusterMember> members)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(members);
        return members
            .Where(m => m.ArticleKey != article.Key && !string.Equals(m.SourceId, article.SourceId, StringComparison.Ordinal))
            .DistinctBy(m => m.SourceId, StringComparer.Ordinal)
            .Select(m => new Delivery.RelatedSource(m.SourceName ?? m.SourceId, m.Link))
            .ToList();
    }
}
