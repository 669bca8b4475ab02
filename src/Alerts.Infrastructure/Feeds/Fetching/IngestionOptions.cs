using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.Feeds.Fetching;

/// <summary>Ingestion settings, bound from <c>Alerts:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alerts:Ingestion";

    /// <summary>Smallest estimated similarity (Jaccard of word pairs) between copies of one story. Lower catches heavier rewrites but risks merging different stories.</summary>
    [Range(0.1, 1.0)]
    public double NearDuplicateMinSimilarity { get; set; } = 0.4;

    /// <summary>Smallest share of the shorter title's words that copies of one story have in common (guards against boilerplate summaries).</summary>
    [Range(0.0, 1.0)]
    public double NearDuplicateMinTitleOverlap { get; set; } = 0.25;

    /// <summary>How long a story keeps collecting copies.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan NearDuplicateWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Wait after a source's first failure; doubled per further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BackoffBaseDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest back-off.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan BackoffMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Longest Retry-After honoured.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);
}
