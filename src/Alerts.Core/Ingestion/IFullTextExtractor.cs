namespace Alerts.Core.Ingestion;

/// <summary>Fetches an article page and extracts its main text (readability-style), under the outbound HTTP safety rules.</summary>
public interface IFullTextExtractor
{
    /// <summary>The article's main text, or null when the page could not be fetched or had no readable article.</summary>
    Task<ExtractedArticle?> ExtractAsync(Uri pageUrl, CancellationToken cancellationToken);
}
