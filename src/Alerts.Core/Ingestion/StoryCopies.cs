namespace Alerts.Core.Ingestion;

/// <summary>Turns a story's copies into the "also reported by" list of an alert.</summary>
public static class StoryCopies
{
    /// <summary>
    /// The other outlets that carried the story of <paramref name="article"/>: copies from other sources, one per
    /// source, in the order recorded. Copies from the article's own source (an edited headline) are not "other outlets".
    /// </summary>
    public static IReadOnlyList<Delivery.RelatedSource> AlsoReportedBy(Articles.Article article, IEnumerable<StoryCopy> members)
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
