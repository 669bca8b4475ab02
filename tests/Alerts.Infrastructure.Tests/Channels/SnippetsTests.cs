using Alerts.Infrastructure.Channels;

namespace Alerts.Infrastructure.Tests.Channels;

public sealed class SnippetsTests
{
    [Fact]
    public void Parse_Guillemets_SplitsHighlightedParts()
    {
        // Arrange
        const string snippet = "more «troops» to guard «Kabul» airport";

        // Act
        var parts = Snippets.Parse(snippet);

        // Assert
        Assert.Equal(
            [
                new SnippetPart("more ", false),
                new SnippetPart("troops", true),
                new SnippetPart(" to guard ", false),
                new SnippetPart("Kabul", true),
                new SnippetPart(" airport", false),
            ],
            parts);
    }

    [Theory]
    [InlineData("open « never closed")]
    [InlineData("stray » close")]
    [InlineData("»reversed«")]
    public void Parse_UnbalancedMarks_KeepsThemAsPlainText(string snippet)
    {
        // Act
        var parts = Snippets.Parse(snippet);

        // Assert
        var part = Assert.Single(parts);
        Assert.False(part.Highlighted);
        Assert.Equal(snippet, part.Text);
    }

    [Fact]
    public void Parse_OverBudget_TruncatesWithEllipsisWithoutBreakingHighlights()
    {
        // Arrange
        var snippet = "«Turkish» soldiers " + new string('x', 500) + " «Kabul»";

        // Act
        var parts = Snippets.Parse(snippet, maxChars: 30);

        // Assert
        Assert.True(parts.Sum(p => p.Text.Length) <= 30);
        Assert.Equal(new SnippetPart("Turkish", true), parts[0]);
        Assert.EndsWith("…", parts[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(parts, p => p.Text.Contains("Kabul", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyOrNull_ReturnsNothing()
    {
        // Act + Assert
        Assert.Empty(Snippets.Parse(null));
        Assert.Empty(Snippets.Parse(string.Empty));
    }
}
