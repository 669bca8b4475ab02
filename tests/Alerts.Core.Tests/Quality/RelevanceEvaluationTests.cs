using Alerts.Core.Articles;
using Alerts.Core.Evaluation;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Quality;

public sealed class RelevanceEvaluationTests
{
    private static readonly WatchTopic Quakes = new("quakes", "Earthquakes in Japan", "earthquake* OR quake*")
    {
        Constraints = new TopicConstraints { Places = ["Japan"], Strict = true },
    };

    [Fact]
    public void Read_BadGrade_NamesTheLine()
    {
        // Act
        var error = Assert.Throws<FormatException>(() => RelevanceLabels.Read(new StringReader("# c\nquakes\t1\tcore\nquakes\t2\tmaybe\n")));

        // Assert
        Assert.Equal("labels line 3: grade 'maybe' is not one of core, related, not", error.Message);
    }

    [Fact]
    public void Read_UnlabelledArticle_IsNotRelevant()
    {
        // Act
        var labels = RelevanceLabels.Read(new StringReader("quakes\t1\tcore\nquakes\t2\trelated\n"));

        // Assert
        Assert.Equal(RelevanceGrade.Core, labels.GradeOf("quakes", "1"));
        Assert.Equal(RelevanceGrade.Related, labels.GradeOf("quakes", "2"));
        Assert.Equal(RelevanceGrade.NotRelevant, labels.GradeOf("quakes", "3"));
    }

    [Fact]
    public async Task RunAsync_CountsHitsMissesFalseAlertsAndConstraintCost()
    {
        // Arrange
        var articles = new[]
        {
            Article("1", "Strong earthquake shakes Tokyo", "A quake of magnitude 6 hit Japan's capital."),
            Article("2", "Earthquake rattles buildings", "The quake was felt across the region on Monday."),
            Article("3", "Earthquake hits Chile", "A quake struck near Santiago."),
            Article("4", "Insurers count earthquake losses in Japan", "Claims rose after the quake."),
            Article("5", "Football results", "The home side won."),
        };
        var labels = RelevanceLabels.Read(new StringReader("quakes\t1\tcore\nquakes\t2\tcore\nquakes\t4\trelated\n"));

        // Act
        var result = (await RelevanceEvaluation.RunAsync([Quakes], articles, labels, topics => TestSupport.Scorer(topics), TestContext.Current.CancellationToken)).Single();

        // Assert: 1 and 4 alert (core and related), 2 names no place and the topic is strict, 3 is in Chile.
        Assert.Equal((2, 1, 1, 1, 0), (result.Core, result.Related, result.CoreAlerted, result.RelatedAlerted, result.FalseAlerts));
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(0.5, result.Recall);
        Assert.Equal(1, result.ConstraintCost);
        Assert.Equal("2", Assert.Single(result.MissDetails).ArticleId);
    }

    private static Article Article(string key, string title, string body) => new(key, "test", title, null, body, null, DateTimeOffset.UnixEpoch);

}
