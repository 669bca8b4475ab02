using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.Infrastructure.Semantic;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Scoring;

/// <summary>The production scorer over topics held in memory, as <c>alerts score</c> and <c>alerts eval</c> use it.</summary>
internal static class OfflineScorer
{
    private static readonly Lazy<MiniLmTextEmbedder> Embedder = new(() => new MiniLmTextEmbedder());

    /// <summary>The local sentence model, loaded on first use, once per process.</summary>
    public static ITextEmbedder Model => Embedder.Value;

    /// <summary>Article embeddings (headline and summary), each article embedded once.</summary>
    public static Func<Article, float[]> EmbedArticles()
    {
        var cache = new Dictionary<string, float[]>(StringComparer.Ordinal);
        return article => cache.TryGetValue(article.Key, out var vector)
            ? vector
            : cache[article.Key] = Embedder.Value.Embed(article.Title + ". " + article.Summary);
    }

    /// <summary>Creates a scorer; with <paramref name="semantic"/> the semantic signal is on (the model loads once per process).</summary>
    public static TopicIndexScorer Create(IReadOnlyList<WatchTopic> topics, bool semantic = false, double? minSimilarity = null)
    {
        var options = new ScoringOptions { RefreshIntervalSeconds = 86_400, Semantic = semantic };
        if (minSimilarity is { } value)
        {
            options.SemanticMinSimilarity = value;
        }

        return new TopicIndexScorer(
            new InMemoryTopicStore(topics),
            Options.Create(options),
            TimeProvider.System,
            embedder: semantic ? Embedder.Value : null);
    }
}
