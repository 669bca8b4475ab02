using System.Globalization;
using Alerts.Core.Articles;
using Alerts.Core.Evaluation;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Quality;

/// <summary>
/// The development half of the evaluation set (eval/ag-news: topics written from the docs alone, labels made without
/// seeing the engine) must not lose quality. Floors sit just under the F1 recorded in docs/scoring.md. The test half is
/// never run here: it is only measured, with <c>alerts eval</c>, and reported.
/// </summary>
public sealed class EvaluationSetTests
{
    private static readonly Dictionary<string, double> DevelopmentFloors = new(StringComparer.Ordinal)
    {
        ["southern-thailand-unrest"] = 0.88,
        ["merck-vioxx"] = 0.97,
        ["email-spam-phishing"] = 0.95,
        ["earthquakes"] = 0.97,
        ["arsenal-fc"] = 0.84,
        ["foreign-hostages-iraq"] = 0.92,
        ["ivory-coast-crisis"] = 0.97,
    };

    [Theory]
    [InlineData("topics.dev.json")]
    [InlineData("topics.dev.constrained.json")]
    public async Task DevelopmentHalf_MeetsRecordedFloors(string topicFile)
    {
        // Arrange
        var shared = TestSupport.SharedFolder();
        if (shared is null)
        {
            Assert.Skip("../shared is not present");
        }

        var folder = Path.Combine(TestSupport.RepositoryRoot(), "eval", "ag-news");
        var topics = TopicFile.Load(Path.Combine(folder, topicFile));
        var labels = RelevanceLabels.Load(Path.Combine(folder, "labels.tsv"));
        var articles = QualityEvaluationTests.ReadCorpus(Path.Combine(shared, "corpus", "ag_news_test.csv"))
            .Select((row, index) => new Article(index.ToString(CultureInfo.InvariantCulture), "eval", row.Title, null, row.Body, null, DateTimeOffset.UnixEpoch))
            .ToList();

        // Act
        var results = await RelevanceEvaluation.RunAsync(topics, articles, labels, topics => TestSupport.Scorer(topics), TestContext.Current.CancellationToken);

        // Assert
        foreach (var result in results)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{result.TopicId}: P {result.Precision:0.000} R {result.Recall:0.000} F1 {result.F1:0.000} cost {result.ConstraintCost}");
            Assert.True(result.F1 >= DevelopmentFloors[result.TopicId] - 0.01, $"{result.TopicId} F1 {result.F1:0.000}");
        }
    }

}
