using Alerts.Infrastructure.Channels;

namespace Alerts.Infrastructure.Tests.Channels;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("550 5.1.1 <jane.doe@example.com>: Recipient address rejected", "550 5.1.1 <<address>>: Recipient address rejected")]
    [InlineData("POST https://prod-1.westus.logic.azure.com/workflows/abc?sig=XYZ failed", "POST <url> failed")]
    [InlineData("token sig=abc123&x=1", "token sig=<redacted>&x=1")]
    [InlineData("line one\r\n  line two", "line one line two")]
    public void Clean_PeerText_RemovesAddressesUrlsAndLineBreaks(string input, string expected)
    {
        // Act
        var cleaned = Redaction.Clean(input);

        // Assert
        Assert.Equal(expected, cleaned);
    }

    [Fact]
    public void Clean_LongText_IsBounded()
    {
        // Act
        var cleaned = Redaction.Clean(new string('a', 5000), maxLength: 100);

        // Assert
        Assert.Equal(100, cleaned.Length);
        Assert.EndsWith("…", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_AtSurrogatePair_DoesNotSplitIt()
    {
        // Arrange: "ab" followed by an emoji (two UTF-16 units).
        const string text = "ab\U0001F600cd";

        // Act
        var truncated = Redaction.Truncate(text, 4);

        // Assert
        Assert.Equal("ab…", truncated);
    }
}
