using System.Text;
using static Alerts.Infrastructure.Tests.Feeds.FeedFixtures;

namespace Alerts.Infrastructure.Tests.Feeds;

public sealed class FeedEncodingTests
{
    private const string Title = "Crème brûlée – ½ price";

    static FeedEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Rss(string? declaredEncoding) =>
        (declaredEncoding is null ? string.Empty : $"<?xml version=\"1.0\" encoding=\"{declaredEncoding}\"?>\n")
        + $"<rss version=\"2.0\"><channel><title>{Title}</title></channel></rss>";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    [InlineData("utf-32")]
    public void Parse_ByteOrderMark_DecidesEncoding(string encodingName)
    {
        // Arrange
        var encoding = Encoding.GetEncoding(encodingName);
        var document = encoding.GetPreamble().Concat(encoding.GetBytes(Rss(null))).ToArray();

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal(Title, feed.Title);
    }

    [Fact]
    public void Parse_Utf16WithoutBom_IsDetectedFromFirstBytes()
    {
        // Arrange
        var document = Encoding.Unicode.GetBytes(Rss(null));

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal(Title, feed.Title);
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("iso-8859-15")]
    public void Parse_XmlDeclaration_DecidesEncoding(string encodingName)
    {
        // Arrange
        var title = "Crème brûlée";
        var xml = $"<?xml version=\"1.0\" encoding=\"{encodingName}\"?><rss><channel><title>{title}</title></channel></rss>";
        var document = Encoding.GetEncoding(encodingName).GetBytes(xml);

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal(title, feed.Title);
    }

    [Fact]
    public void Parse_ShiftJisDeclared_DecodesJapanese()
    {
        // Arrange
        var xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss><channel><title>港の天気</title></channel></rss>";
        var document = Encoding.GetEncoding("shift_jis").GetBytes(xml);

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("港の天気", feed.Title);
    }

    [Fact]
    public void Parse_HttpCharset_OverridesXmlDeclaration()
    {
        // Arrange: the server knows better than a copied prolog.
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Αθήνα</title></channel></rss>";
        var document = Encoding.GetEncoding("iso-8859-7").GetBytes(xml);

        // Act
        var feed = ParseOk(document, contentType: "application/rss+xml; charset=\"ISO-8859-7\"");

        // Assert
        Assert.Equal("Αθήνα", feed.Title);
    }

    [Fact]
    public void Parse_WrongUtf8Declaration_FallsBackToWindows1252()
    {
        // Arrange: declared UTF-8, written in windows-1252 (invalid UTF-8 bytes).
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Café “open”</title></channel></rss>";
        var document = Encoding.GetEncoding(1252).GetBytes(xml);

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("Café “open”", feed.Title);
    }

    [Fact]
    public void Parse_UnknownDeclaredEncoding_FallsBackToUtf8()
    {
        // Arrange
        var xml = "<?xml version=\"1.0\" encoding=\"x-made-up-9\"?><rss><channel><title>Zürich</title></channel></rss>";
        var document = Encoding.UTF8.GetBytes(xml);

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("Zürich", feed.Title);
    }

    [Fact]
    public void Parse_Utf16BigEndianWithoutBomDeclaredUtf16_UsesByteOrderOfFirstCharacters()
    {
        // Arrange
        var document = Encoding.BigEndianUnicode.GetBytes(Rss("utf-16"));

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal(Title, feed.Title);
    }

    [Fact]
    public void Parse_Utf8BomWithInvalidBytes_FallsBackWithoutBomGarbage()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("<rss><channel><title>Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("</title></channel></rss>"));
        var document = Encoding.UTF8.GetPreamble().Concat(body).ToArray();

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("Café", feed.Title);
    }

    [Fact]
    public void Parse_DoubleEncodedUtf8_IsRepaired()
    {
        // Arrange: UTF-8 bytes of an ellipsis written out as three character references.
        var document = Encoding.UTF8.GetBytes("<rss><channel><item><title>Wait&#226;&#128;&#166; more</title></item></channel></rss>");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("Wait\u2026 more", feed.Entries[0].Title);
    }
}
