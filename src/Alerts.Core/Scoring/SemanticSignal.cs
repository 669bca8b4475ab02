using System.Runtime.CompilerServices;
using Alerts.Core.Entities;
using Alerts.Core.Text;

namespace Alerts.Core.Scoring;

/// <summary>
/// The semantic signal beside the words: an article that meets every word group of a topic but one is embedded
/// (once, whatever the number of such topics) and compared with the topic's name and description; when they are
/// close in meaning it is judged as a near miss (constraints included) and may alert, with the missing group and the
/// similarity in its evidence. Articles that match a topic outright, or nearly match none, are never embedded.
/// </summary>
public sealed class SemanticSignal
{
    // Below this share of the rescue similarity a near miss is not worth reporting at all.
    private const double ReportFrom = 0.8;

    private readonly ITextEmbedder embedder;
    private readonly double minSimilarity;
    private readonly ConditionalWeakTable<CompiledTopic, float[]> topicVectors = [];
    private long embedded;

    /// <summary>Creates the signal.</summary>
    public SemanticSignal(ITextEmbedder embedder, double minSimilarity)
    {
        this.embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        this.minSimilarity = minSimilarity;
    }

    /// <summary>Articles embedded so far (the signal's cost, for benchmarks and diagnostics).</summary>
    public long ArticlesEmbedded => Interlocked.Read(ref embedded);

    /// <summary>The text a topic is compared by: its name and description.</summary>
    public static string TopicText(CompiledTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return string.IsNullOrWhiteSpace(topic.Topic.Description) ? topic.Topic.Name : topic.Topic.Name + ". " + topic.Topic.Description;
    }

    /// <summary>
    /// Adds the near misses close in meaning to their topic to the matches the words found; <paramref name="partial"/>
    /// holds the topics whose requirements the article met only in part (from <see cref="TopicIndex.Candidates(AnalyzedDocument, List{CompiledTopic}?)"/>).
    /// </summary>
    public IReadOnlyList<TopicMatch> AddNearMisses(IReadOnlyList<CompiledTopic> partial, AnalyzedDocument document, IReadOnlyList<TopicMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(matches);
        var matched = matches.Select(m => m.TopicId).ToHashSet(StringComparer.Ordinal);
        var near = partial.Where(t => !matched.Contains(t.Topic.Id) && TopicEvaluator.MissingClause(t, document) is not null).ToList();
        if (near.Count == 0)
        {
            return matches;
        }

        Interlocked.Increment(ref embedded);
        var article = embedder.Embed(Workbench.Embeddings.TextOf(document.Title, document.Body));
        var result = new List<TopicMatch>(matches);
        foreach (var topic in near)
        {
            var similarity = Dot(topicVectors.GetValue(topic, t => embedder.Embed(TopicText(t))), article);
            if (similarity < minSimilarity * ReportFrom)
            {
                continue;
            }

            if (TopicEvaluator.EvaluateNearMiss(topic, document, () => ArticleEntities.Of(document), similarity, minSimilarity) is { } match)
            {
                result.Add(match);
            }
        }

        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }

    /// <summary>The cosine of two unit-length embeddings.</summary>
    internal static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
