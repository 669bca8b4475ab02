using Alerts.Core.Feeds;
using Alerts.Infrastructure.Feeds.Parsing;

namespace Alerts.Infrastructure.Tests.Feeds;

/// <summary>Loads the fixture documents written for these tests and parses them.</summary>
internal static class FeedFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Feeds", "Fixtures", name));

    public static ParsedFeed ParseOk(byte[] document, Uri? baseUri = null, string? contentType = null)
    {
        var result = new FeedParser().Parse(document, new FeedDocumentContext(baseUri, contentType));
        Assert.True(result.Feed is not null, $"expected a feed, got error: {result.Error}");
        Assert.Null(result.Error);
        return result.Feed;
    }

    public static string ParseError(byte[] document, FeedParserOptions? options = null, string? contentType = null)
    {
        var parser = options is null ? new FeedParser() : new FeedParser(options);
        var result = parser.Parse(document, new FeedDocumentContext(null, contentType));
        Assert.Null(result.Feed);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        return result.Error!;
    }
}
