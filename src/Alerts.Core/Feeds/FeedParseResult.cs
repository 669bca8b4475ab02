namespace Alerts.Core.Feeds;

/// <summary>Either a feed or a clear reason why the document could not be read.</summary>
public sealed record FeedParseResult(ParsedFeed? Feed, string? Error)
{
    /// <summary>A readable feed.</summary>
    public static FeedParseResult Success(ParsedFeed feed) => new(feed, null);

    /// <summary>An unreadable document, with the reason.</summary>
    public static FeedParseResult Failure(string error) => new(null, error);
}
