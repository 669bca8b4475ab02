using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Scoring;

public sealed class SemanticSignalTests
{
    private static readonly WatchTopic Cardinals = new("cardinals", "St. Louis Cardinals baseball", "Cardinals (baseball OR inning* OR pitcher*)")
    {
        Description = "Games and players of the St. Louis Cardinals baseball club.",
    };

    [Fact]
    public async Task ScoreAsync_NearMissCloseInMeaning_AlertsWithTheMissingGroupInEvidence()
    {
        // Arrange: the story has "Cardinals" but none of the second group's words.
        var embedder = new FakeEmbedder(similarToTopic: "Pujols");
        var scorer = Scorer(embedder);

        // Act
        var match = (await scorer.ScoreAsync(Article("Cardinals beat Astros", "Albert Pujols homered twice as the Cardinals won 6-4."), TestContext.Current.CancellationToken)).Single();

        // Assert
        Assert.True(match.Alert);
        Assert.Contains(match.Evidence, e => e.Kind == "missing" && e.Description.StartsWith("no word from group 2", StringComparison.Ordinal));
        Assert.Contains(match.Evidence, e => e.Kind == "semantic");
        Assert.True(match.Score <= TopicEvaluator.MaxRescueScore);
        Assert.Equal(1, scorer.Semantic!.ArticlesEmbedded);
    }

    [Fact]
    public async Task ScoreAsync_NearMissFarInMeaning_DoesNotAlert()
    {
        // Arrange
        var scorer = Scorer(new FakeEmbedder(similarToTopic: "Pujols"));

        // Act
        var matches = await scorer.ScoreAsync(Article("Cardinals elect a new pope", "The cardinals met in Rome."), TestContext.Current.CancellationToken);

        // Assert
        Assert.DoesNotContain(matches, m => m.Alert);
    }

    [Fact]
    public async Task ScoreAsync_FullMatchOrNoPartialMatch_NeverEmbedsTheArticle()
    {
        // Arrange
        var scorer = Scorer(new FakeEmbedder(similarToTopic: "Pujols"));

        // Act
        var full = await scorer.ScoreAsync(Article("Cardinals win in ninth inning", "The pitcher held on."), TestContext.Current.CancellationToken);
        await scorer.ScoreAsync(Article("Stocks rise", "Shares gained."), TestContext.Current.CancellationToken);

        // Assert
        Assert.True(Assert.Single(full).Alert);
        Assert.Equal(0, scorer.Semantic!.ArticlesEmbedded);
    }

    [Fact]
    public void Constructor_SemanticOnWithoutEmbedder_FailsNamingTheSetting()
    {
        // Act
        var error = Assert.Throws<InvalidOperationException>(() => new TopicIndexScorer(
            new InMemoryTopicStore([Cardinals]), Options.Create(new ScoringOptions { Semantic = true }), TimeProvider.System));

        // Assert
        Assert.Contains("Alerts:Scoring:Semantic", error.Message, StringComparison.Ordinal);
    }

    private static TopicIndexScorer Scorer(ITextEmbedder embedder) => TestSupport.Scorer([Cardinals], embedder);

    private static Article Article(string title, string body) => new("a", "test", title, null, body, null, DateTimeOffset.UnixEpoch);

    // Two directions: texts holding the marker word point along the topic, others across it.
    private sealed class FakeEmbedder(string similarToTopic) : ITextEmbedder
    {
        public float[] Embed(string text) =>
            text.StartsWith(Cardinals.Name, StringComparison.Ordinal) || text.Contains(similarToTopic, StringComparison.Ordinal) ? [1f, 0f] : [0f, 1f];
    }
}
