using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("troop", "troops")]
    [InlineData("deploy", "deployed")]
    [InlineData("deploy", "deployment")]
    [InlineData("deployed", "deploying")]
    [InlineData("soldier", "Soldiers")]
    [InlineData("withdraw", "withdrawal")]
    public void Stem_InflectedForms_ShareStem(string a, string b)
    {
        // Arrange / Act
        var left = TextAnalyzer.Analyze(a).Single().Stem;
        var right = TextAnalyzer.Analyze(b).Single().Stem;

        // Assert
        Assert.Equal(left, right);
    }

    [Fact]
    public void Analyze_AccentsCaseAndPossessives_AreFolded()
    {
        // Arrange
        var text = "KÂBUL Café Turkey's";

        // Act
        var tokens = TextAnalyzer.Analyze(text);

        // Assert
        Assert.Equal(["kabul", "cafe", "turkey"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void Analyze_StopWords_KeepTheirPositions()
    {
        // Act
        var tokens = TextAnalyzer.Analyze("secure the airport");

        // Assert
        Assert.Equal([0, 1, 2], tokens.Select(t => t.Position));
        Assert.True(tokens[1].IsStopWord);
        Assert.False(tokens[2].IsStopWord);
    }

    [Fact]
    public void Analyze_CompatibilityCharacters_AreNormalised()
    {
        // Arrange: full-width letters and a ligature, as some feeds send them.
        var text = "ＮＡＴＯ ﬁghters";

        // Act
        var tokens = TextAnalyzer.Analyze(text);

        // Assert
        Assert.Equal(["nato", "fighters"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void AnalyzedDocument_Snippet_MarksTheMatch()
    {
        // Arrange
        var document = new AnalyzedDocument("Title here", "Several hundred marines landed near the port on Tuesday.");
        var position = document.PositionsOf(TextAnalyzer.Stem("marines")).Single();

        // Act
        var snippet = document.Snippet(position, position);

        // Assert
        Assert.Contains("«marines»", snippet, StringComparison.Ordinal);
    }
}
