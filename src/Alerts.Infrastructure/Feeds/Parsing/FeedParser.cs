using Alerts.Core.Feeds;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed 1.0/1.1 into <see cref="ParsedFeed"/>.
/// Safe for hostile input: no DTD is processed, nothing external is resolved, size and depth are bounded,
/// and every problem comes back as a <see cref="FeedParseResult.Failure(string)"/> instead of an exception.
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class FeedParser : IFeedParser
{
    private readonly FeedParserOptions _options;

    /// <summary>A parser with the default limits.</summary>
    public FeedParser()
        : this(new FeedParserOptions())
    {
    }

    /// <summary>A parser with explicit limits.</summary>
    public FeedParser(FeedParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public FeedParseResult Parse(ReadOnlyMemory<byte> document, FeedDocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (document.Length == 0)
        {
            return FeedParseResult.Failure("the document is empty");
        }

        if (document.Length > _options.MaxDocumentBytes)
        {
            return FeedParseResult.Failure($"the document is {document.Length} bytes, more than the limit of {_options.MaxDocumentBytes} bytes");
        }

        try
        {
            var decoded = FeedTextDecoder.Decode(document.Span, context.ContentType);
            var text = decoded.Text;
            var start = FirstSignificant(text);
            if (start < 0)
            {
                return FeedParseResult.Failure("the document contains only whitespace");
            }

            var feed = text[start] is '{' or '['
                ? JsonFeedReader.Read(text, context, _options)
                : text[start] == '<'
                    ? XmlFeedReader.Read(text, context, _options)
                    : throw new FeedFormatException("the document is neither XML nor JSON (it does not start with '<' or '{')");
            return FeedParseResult.Success(feed);
        }
        catch (FeedFormatException e)
        {
            return FeedParseResult.Failure(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect of ours must not take the pipeline down with it; the reason stays visible.
            return FeedParseResult.Failure($"the document could not be read ({e.GetType().Name}: {e.Message})");
        }
    }

    private static int FirstSignificant(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF')
            {
                return i;
            }
        }

        return -1;
    }
}
