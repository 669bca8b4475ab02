namespace Alerts.Core.Feeds;

/// <summary>Parses RSS, Atom and JSON Feed documents safely (no DTDs, bounded size and depth).</summary>
public interface IFeedParser
{
    /// <summary>Parses a document. Never throws for bad input: returns a failure with the reason.</summary>
    FeedParseResult Parse(ReadOnlyMemory<byte> document, FeedDocumentContext context);
}
