using Alerts.Core.Evaluation;

namespace Alerts.Core.Tests.Quality;

public sealed class LabelCoverageTests
{
    [Fact]
    public void Warnings_EveryJudgmentUsable_None()
    {
        // Arrange
        var labels = RelevanceLabels.Read(new StringReader("quakes\t0\tcore\nquakes\t1\tnot\n"));

        // Act
        var warnings = LabelCoverage.Warnings(labels, ["quakes"], ["0", "1"]);

        // Assert
        Assert.Empty(warnings);
    }

    [Fact]
    public void Warnings_NoLabelsAtAll_SaysSoWithoutNamingOtherTopics()
    {
        // Act
        var warnings = LabelCoverage.Warnings(new RelevanceLabels(), ["quakes"], ["0"]);

        // Assert
        Assert.Equal(["no labels for topic(s) quakes: every alert of theirs counts as false"], warnings);
    }

    [Fact]
    public void Warnings_RowNumbersNotInTheInput_ListedInOrderWithTheRowHint()
    {
        // Arrange: rows 2 and 10 are beyond a two-row input; a "not" beyond it changes nothing.
        var labels = RelevanceLabels.Read(new StringReader("quakes\t10\tcore\nquakes\t2\trelated\nquakes\t11\tnot\n"));

        // Act
        var warnings = LabelCoverage.Warnings(labels, ["quakes"], ["0", "1"]);

        // Assert
        var warning = Assert.Single(warnings);
        Assert.StartsWith("labels for quakes name 2 core or related article(s) the input does not have (2, 10), left out of its figures (an article without an id", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_IdsThatAreNotNumbers_NoRowHint()
    {
        // Arrange
        var labels = RelevanceLabels.Read(new StringReader("quakes\ta7\tcore\n"));

        // Act
        var warnings = LabelCoverage.Warnings(labels, ["quakes"], ["a1"]);

        // Assert
        Assert.Equal(["labels for quakes name 1 core or related article(s) the input does not have (a7), left out of its figures"], warnings);
    }
}
