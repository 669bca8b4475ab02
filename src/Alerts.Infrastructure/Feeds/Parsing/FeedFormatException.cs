namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>
/// Raised inside the parser when a document breaks a rule (limit, refused DTD entity, unknown format);
/// <see cref="FeedParser"/> turns it into a <c>FeedParseResult.Failure</c>, so it never escapes.
/// </summary>
internal sealed class FeedFormatException(string message) : Exception(message);
