using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests;

internal static class TestSupport
{
    /// <summary>../shared next to the repository root, or null when absent.</summary>
    public static string? SharedFolder() => Repository.SharedFolder();

    /// <summary>The repository root (the folder holding Alerts.sln).</summary>
    public static string RepositoryRoot() => Repository.Root();

    /// <summary>A scorer over fixed topics that never reloads them during a test; the embedder turns on the semantic signal.</summary>
    public static TopicIndexScorer Scorer(IReadOnlyList<WatchTopic> topics, ITextEmbedder? embedder = null, double semanticMinSimilarity = 0.5) =>
        new(
            new InMemoryTopicStore(topics),
            Options.Create(new ScoringOptions { RefreshIntervalSeconds = 86_400, Semantic = embedder is not null, SemanticMinSimilarity = semanticMinSimilarity }),
            TimeProvider.System,
            embedder: embedder);

    public static TopicIndex Index(params WatchTopic[] topics) => TopicIndex.Build(topics, Gazetteer.Default, "test");

    public static TopicMatch? Match(WatchTopic topic, string title, string body) =>
        TopicIndexScorer.Score(Index(topic), new AnalyzedDocument(title, body)).SingleOrDefault(m => m.TopicId == topic.Id);

    public static bool Alerts(WatchTopic topic, string title, string body) => Match(topic, title, body)?.Alert == true;

    public static WatchTopic Topic(string query, TopicConstraints? constraints = null) =>
        new("t", "Test topic", query) { Constraints = constraints };
}
