using System.Globalization;
using Alerts.Infrastructure.Feeds.Parsing;

namespace Alerts.Infrastructure.Tests.Feeds;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Tue, 03 Nov 2026 08:30:00 GMT", "2026-11-03T08:30:00Z")]
    [InlineData("Tue, 03 Nov 2026 08:30:00 +0100", "2026-11-03T07:30:00Z")]
    [InlineData("Tue, 3 Nov 2026 08:30 EST", "2026-11-03T13:30:00Z")]
    [InlineData("03 Nov 26 08:30:00 PDT", "2026-11-03T15:30:00Z")]
    [InlineData("Tuesday, 03 November 2026 08:30:00 Z", "2026-11-03T08:30:00Z")]
    [InlineData("Tue, 03 Nov 2026 08:30:00", "2026-11-03T08:30:00Z")]
    [InlineData("Tue,03 Nov 2026 08:30:00 +01:00", "2026-11-03T07:30:00Z")]
    [InlineData("Wed, 03 Nov 2026 08:30:00 GMT", "2026-11-03T08:30:00Z")]
    [InlineData("3 nov 2026", "2026-11-03T00:00:00Z")]
    [InlineData("2026-11-03T08:30:00Z", "2026-11-03T08:30:00Z")]
    [InlineData("2026-11-03T08:30:00.123456+05:30", "2026-11-03T03:00:00.123456Z")]
    [InlineData("2026-11-03T08:30+0200", "2026-11-03T06:30:00Z")]
    [InlineData("2026-11-03 08:30:00", "2026-11-03T08:30:00Z")]
    [InlineData("2026-11-03", "2026-11-03T00:00:00Z")]
    [InlineData("2026-11", "2026-11-01T00:00:00Z")]
    [InlineData("20261103T083000Z", "2026-11-03T08:30:00Z")]
    [InlineData("2026-307", "2026-11-03T00:00:00Z")]
    [InlineData("2026-11-03T24:00:00Z", "2026-11-04T00:00:00Z")]
    [InlineData("Tue Nov  3 08:30:00 2026", "2026-11-03T08:30:00Z")]
    [InlineData("Tue Nov 3 08:30:00 UTC 2026", "2026-11-03T08:30:00Z")]
    [InlineData("  Tue, 03 Nov 2026 08:30:00 GMT  ", "2026-11-03T08:30:00Z")]
    public void Parse_KnownForms_ReturnsUtcInstant(string value, string expectedUtc)
    {
        // Arrange
        var expected = DateTimeOffset.Parse(expectedUtc, CultureInfo.InvariantCulture);

        // Act
        var parsed = FeedDateParser.Parse(value);

        // Assert
        Assert.Equal(expected, parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("Tue, 31 Feb 2026 08:30:00 GMT")]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-03T25:61:00Z")]
    [InlineData("99999999999999999999")]
    public void Parse_UnreadableValue_ReturnsNull(string? value)
    {
        // Act
        var parsed = FeedDateParser.Parse(value);

        // Assert
        Assert.Null(parsed);
    }
}
