using Alerts.Infrastructure.Language;

namespace Alerts.IntegrationTests.Language;

public sealed class TextElementsTests
{
    [Fact]
    public void Truncate_ClusterOfSeveralCodePoints_NeverCutsInsideIt()
    {
        // Arrange: a family emoji is five code points (eight UTF-16 units) joined into one grapheme.
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        var text = "ab" + family + family + "cd";

        // Act
        var cut = TextElements.Truncate(text, 3);

        // Assert
        Assert.Equal("ab" + family, cut);
        Assert.Equal(3, TextElements.Count(cut));
    }

    [Theory]
    [InlineData("", 5, "")]
    [InlineData("Kabul", 5, "Kabul")]
    [InlineData("Kabul", 3, "Kab")]
    [InlineData("Kabul", 0, "")]
    public void Truncate_PlainText_KeepsAtMostTheLimit(string text, int limit, string expected)
    {
        // Act
        var cut = TextElements.Truncate(text, limit);

        // Assert
        Assert.Equal(expected, cut);
    }
}
