namespace Alerts.Core.Ingestion;

/// <summary>How close two fingerprints must be to count as the same story, and for how long stories stay open.</summary>
public sealed record StoryIndexOptions
{
    /// <summary>Smallest estimated Jaccard similarity (of word-pair shingles) between copies of one story.</summary>
    public double MinSimilarity { get; init; } = 0.4;

    /// <summary>Smallest share of the shorter title's words that copies of one story have in common.</summary>
    public double MinTitleOverlap { get; init; } = 0.25;

    /// <summary>How long a story collects near-duplicates; older fingerprints are ignored.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(3);
}
