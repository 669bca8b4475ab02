namespace Alerts.Core.Ingestion;

/// <summary>One outlet's copy of a story.</summary>
/// <param name="ArticleKey">The copy's article key.</param>
/// <param name="SourceId">Where it came from.</param>
/// <param name="SourceName">Display name of the source.</param>
/// <param name="Link">The copy's link.</param>
public sealed record StoryCopy(string ArticleKey, string SourceId, string? SourceName, string? Link);
