using System.Net;
using System.Net.Sockets;
using System.Text;
using Alerts.Infrastructure.Feeds.Parsing;
using static Alerts.Infrastructure.Tests.Feeds.FeedFixtures;

namespace Alerts.Infrastructure.Tests.Feeds;

public sealed class FeedParserHostileInputTests
{
    [Fact]
    public void Parse_BillionLaughs_FailsWithEntityReason()
    {
        // Arrange: ten levels of ten references each would expand to 10^10 copies.
        var declarations = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var level = 1; level <= 10; level++)
        {
            declarations.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [{declarations}]><rss><channel><title>&lol10;</title></channel></rss>";

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Contains("lol10", error, StringComparison.Ordinal);
        Assert.Contains("DTD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuadraticBlowUp_FailsOnExpansionLimit()
    {
        // Arrange: one flat 50,000-character entity referenced 50,000 times (2.5 billion characters).
        var big = new string('a', 50_000);
        var references = string.Concat(Enumerable.Repeat("&a;", 50_000));
        var xml = $"<!DOCTYPE rss [<!ENTITY a \"{big}\">]><rss><channel><title>{references}</title></channel></rss>";

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Contains("exceeds the limit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FlatInternalEntity_IsExpandedWithinBudget()
    {
        // Arrange: the harmless use of a DTD entity that real feeds make.
        var xml = "<!DOCTYPE rss [<!ENTITY site \"tag:harbour.example,\">]><rss><channel><item><guid>&site;2026:7</guid></item></channel></rss>";

        // Act
        var feed = ParseOk(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Equal("tag:harbour.example,2026:7", feed.Entries[0].Id);
    }

    [Fact]
    public void Parse_ExternalFileEntity_IsRefusedAndFileNeverRead()
    {
        // Arrange
        var secret = Path.Combine(Path.GetTempPath(), $"alerts-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-MARKER");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]><rss><channel><title>&xxe;</title></channel></rss>";

            // Act
            var result = new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), new());

            // Assert
            Assert.Null(result.Feed);
            Assert.Contains("xxe", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET-MARKER", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"{0}\">]><rss><channel><title>&xxe;</title></channel></rss>")]
    [InlineData("<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"{0}\"> %remote;]><rss><channel><title>t</title></channel></rss>")]
    [InlineData("<!DOCTYPE rss SYSTEM \"{0}\"><rss><channel><title>t</title></channel></rss>")]
    [InlineData("<rss xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title><xi:include href=\"{0}\"/></title></channel></rss>")]
    public void Parse_ExternalHttpReference_NeverConnects(string template)
    {
        // Arrange: a real listener that records whether anything connects to it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/evil.dtd";
        var xml = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, url);

        // Act
        var result = new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), new());

        // Assert
        Assert.True(result.Feed is not null || !string.IsNullOrWhiteSpace(result.Error));
        Assert.False(listener.Pending(), "the parser connected to the external entity's URL");
        Assert.DoesNotContain(url, result.Feed?.Title ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeInternalSubset_FailsWithDtdReason()
    {
        // Arrange: many unterminated declarations, the worst case for scanning a subset.
        var subset = string.Concat(Enumerable.Repeat("<!ENTITY x ", 20_000));
        var xml = $"<!DOCTYPE rss [{subset}]><rss><channel><title>t</title></channel></rss>";

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Contains("internal subset", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedTagsInEscapedHtml_CompletesWithSummary()
    {
        // Arrange: escaped HTML with thousands of unterminated tags and long whitespace runs.
        var html = string.Concat(Enumerable.Repeat("&lt;iframe " + new string(' ', 200), 5_000)) + "tail";
        var xml = $"<rss><channel><item><description>head {html}</description></item></channel></rss>";

        // Act
        var feed = ParseOk(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.StartsWith("head", feed.Entries[0].Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("b")]
    public void Parse_DeeplyNestedEscapedHtml_KeepsTextWithoutHtmlTreeBuilding(string tag)
    {
        // Arrange: 200,000 unclosed tags inside a description, which costs an HTML tree builder minutes.
        var xml = $"<rss><channel><item><description>{string.Concat(Enumerable.Repeat($"&lt;{tag}&gt;", 200_000))}deep text</description></item></channel></rss>";

        // Act
        var entry = ParseOk(Encoding.UTF8.GetBytes(xml)).Entries[0];

        // Assert
        Assert.Equal("deep text", entry.Summary);
        Assert.Equal("deep text", entry.Content);
    }

    [Fact]
    public void Parse_DeepNesting_FailsWithDepthReason()
    {
        // Arrange
        const int depth = 100_000;
        var xml = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth)) + "</channel></rss>";

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Contains("nested deeper than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepJsonNesting_FailsWithClearReason()
    {
        // Arrange
        var json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(json));

        // Assert
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeAttribute_FailsOnDocumentSizeLimit()
    {
        // Arrange
        var xml = "<rss><channel><item><link href=\"" + new string('x', 3_000_000) + "\"/></item></channel></rss>";
        var options = new FeedParserOptions { MaxDocumentBytes = 1_000_000 };

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(xml), options);

        // Assert
        Assert.Contains("more than the limit of 1000000 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyAttributesOnOneElement_FailsOnAttributeLimit()
    {
        // Arrange: the quadratic attribute-uniqueness check of naive parsers.
        var attributes = string.Concat(Enumerable.Range(0, 50_000).Select(i => $" a{i}=\"v\""));
        var xml = $"<rss><channel{attributes}><title>ok</title></channel></rss>";

        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Contains("50000 attributes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AttributesWithinLimit_AreRead()
    {
        // Arrange
        var attributes = string.Concat(Enumerable.Range(0, 200).Select(i => $" a{i}=\"v\""));
        var xml = $"<rss><channel{attributes}><title>ok</title></channel></rss>";

        // Act
        var feed = ParseOk(Encoding.UTF8.GetBytes(xml));

        // Assert
        Assert.Equal("ok", feed.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    [InlineData("Hello, this is not a feed")]
    [InlineData("<html><body><p>A web page</p></body></html>")]
    [InlineData("<rss version=\"2.0")]
    [InlineData("<rss><</rss>")]
    [InlineData("{\"not\":\"a feed\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1\",")]
    [InlineData("<?xml version=\"1.0\"?>")]
    public void Parse_UnreadableDocument_ReturnsClearFailure(string text)
    {
        // Act
        var error = ParseError(Encoding.UTF8.GetBytes(text));

        // Assert
        Assert.DoesNotContain("could not be read (", error, StringComparison.Ordinal);
        Assert.True(error.Length > 10, error);
    }

    [Fact]
    public void Parse_JavascriptLinks_AreDropped()
    {
        // Arrange
        var xml = "<rss><channel><link>javascript:alert(1)</link><item><link>  JavaScript:steal()</link><title>x</title></item></channel></rss>";

        // Act
        var feed = ParseOk(Encoding.UTF8.GetBytes(xml), new Uri("https://safe.example/feed"));

        // Assert
        Assert.Null(feed.Link);
        Assert.Null(feed.Entries[0].Link);
    }
}
