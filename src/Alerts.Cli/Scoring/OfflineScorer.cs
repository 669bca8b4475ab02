using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Scoring;

/// <summary>The production scorer over topics held in memory, as <c>alerts score</c> and <c>alerts eval</c> use it.</summary>
internal static class OfflineScorer
{
    public static IArticleScorer Create(IReadOnlyList<WatchTopic> topics) =>
        new TopicIndexScorer(
            new InMemoryTopicStore(topics),
            Options.Create(new ScoringOptions { RefreshIntervalSeconds = 86_400 }),
            TimeProvider.System);
}
