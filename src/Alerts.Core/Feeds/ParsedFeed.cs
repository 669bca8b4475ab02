namespace Alerts.Core.Feeds;

/// <summary>A feed document as the parser understood it, format-independent.</summary>
/// <param name="Title">Feed title as plain text.</param>
/// <param name="Link">The site link of the feed.</param>
/// <param name="Entries">Items in document order.</param>
public sealed record ParsedFeed(string? Title, string? Link, IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>Detected format, e.g. <c>rss20</c>, <c>atom10</c>, <c>json11</c>.</summary>
    public string? Format { get; init; }
}

/// <summary>One item of a feed. Title and summary are plain text; content is sanitised HTML.</summary>
/// <param name="Id">guid / atom:id / JSON Feed id.</param>
/// <param name="Title">Plain text, entities decoded.</param>
/// <param name="Link">Absolute URL, resolved against xml:base and the feed URL.</param>
public sealed record FeedEntry(string? Id, string? Title, string? Link)
{
    /// <summary>Plain-text summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Sanitised HTML content.</summary>
    public string? Content { get; init; }

    /// <summary>Publication date; null when the feed gave none or an unreadable one.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Last update date.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Author names.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
}

/// <summary>What is known about a document besides its bytes.</summary>
/// <param name="BaseUri">The URL it was fetched from, for resolving relative links.</param>
/// <param name="ContentType">The HTTP Content-Type header, whose charset may override the document's own.</param>
public sealed record FeedDocumentContext(Uri? BaseUri = null, string? ContentType = null);

/// <summary>Either a feed or a clear reason why the document could not be read.</summary>
public sealed record FeedParseResult(ParsedFeed? Feed, string? Error)
{
    /// <summary>A readable feed.</summary>
    public static FeedParseResult Success(ParsedFeed feed) => new(feed, null);

    /// <summary>An unreadable document, with the reason.</summary>
    public static FeedParseResult Failure(string error) => new(null, error);
}

/// <summary>Parses RSS, Atom and JSON Feed documents safely (no DTDs, bounded size and depth).</summary>
public interface IFeedParser
{
    /// <summary>Parses a document. Never throws for bad input: returns a failure with the reason.</summary>
    FeedParseResult Parse(ReadOnlyMemory<byte> document, FeedDocumentContext context);
}
