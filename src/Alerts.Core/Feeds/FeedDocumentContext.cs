namespace Alerts.Core.Feeds;

/// <summary>What is known about a document besides its bytes.</summary>
/// <param name="BaseUri">The URL it was fetched from, for resolving relative links.</param>
/// <param name="ContentType">The HTTP Content-Type header, whose charset may override the document's own.</param>
public sealed record FeedDocumentContext(Uri? BaseUri = null, string? ContentType = null);
