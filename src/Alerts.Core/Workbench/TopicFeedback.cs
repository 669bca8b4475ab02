using System.Globalization;
using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Text;

namespace Alerts.Core.Workbench;

/// <summary>
/// What subscribers' judgments teach one topic. Each judged article is kept as the set of its headline's and
/// summary's content words; a new article is compared with the closest example ("more like this") and the closest
/// counter-example ("not relevant"). An alert much closer to a counter-example than to any example is held back; a
/// match just under the threshold much closer to an example goes out. Constraints that failed are never overridden,
/// and the evidence names the judged article it resembled.
/// </summary>
public sealed class TopicFeedback(FeedbackSettings? settings = null, Func<Article, float[]>? embed = null)
{
    private readonly FeedbackSettings _settings = settings ?? FeedbackSettings.Default;
    private readonly List<(Likeness Likeness, string Title)> _examples = [];
    private readonly List<(Likeness Likeness, string Title)> _counterExamples = [];

    /// <summary>No judgments: changes nothing.</summary>
    public static TopicFeedback None { get; } = new(null, null);

    /// <summary>Judgments so far.</summary>
    public int Count => _examples.Count + _counterExamples.Count;

    /// <summary>The feedback of judged articles.</summary>
    /// <param name="judged">The judged articles.</param>
    /// <param name="settings">How judgments weigh.</param>
    /// <param name="embed">The semantic signal's embedder: likeness in meaning instead of shared words.</param>
    public static TopicFeedback From(IEnumerable<(Article Article, bool Relevant)> judged, FeedbackSettings? settings = null, Func<Article, float[]>? embed = null)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var feedback = new TopicFeedback(settings, embed);
        foreach (var (article, relevant) in judged)
        {
            (relevant ? feedback._examples : feedback._counterExamples).Add((feedback.LikenessOf(article), article.Title));
        }

        return feedback;
    }

    /// <summary>The match as the judgments would have it (the same match when they say nothing about it).</summary>
    public TopicMatch Adjust(TopicMatch match, Article article, double threshold)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(article);
        if (Count == 0 || !match.ConstraintsHold)
        {
            return match;
        }

        var likeness = LikenessOf(article);
        var (example, exampleTitle) = Closest(_examples, likeness);
        var (counter, counterTitle) = Closest(_counterExamples, likeness);
        if (match.Alert && counter >= _settings.Alike && counter >= example + _settings.Margin)
        {
            return match with
            {
                Alert = false,
                Evidence = [.. match.Evidence, Evidence($"held back: like an article marked not relevant, “{counterTitle}”", counter)],
            };
        }

        if (!match.Alert && match.Score >= threshold - _settings.LiftFrom && example >= _settings.Alike && example >= counter + _settings.Margin)
        {
            return match with
            {
                Alert = true,
                Evidence = [.. match.Evidence, Evidence($"like an article marked more like this, “{exampleTitle}”", example)],
            };
        }

        return match;
    }

    /// <summary>
    /// Whether an article that lacks one of the query's word groups is so like an example (and not like a
    /// counter-example) that it should alert: the workbench's examples rescue what the words miss.
    /// </summary>
    public string? RescueReason(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (_examples.Count == 0)
        {
            return null;
        }

        var likeness = LikenessOf(article);
        var (example, exampleTitle) = Closest(_examples, likeness);
        var (counter, _) = Closest(_counterExamples, likeness);
        return example >= _settings.Rescue && example >= counter + _settings.Margin
            ? string.Create(CultureInfo.InvariantCulture, $"like an article marked more like this, “{exampleTitle}” (similarity {example:0.00})")
            : null;
    }

    private static MatchEvidence Evidence(string text, double similarity) =>
        new("feedback", string.Create(CultureInfo.InvariantCulture, $"{text} (similarity {similarity:0.00})")) { Plain = text };

    private static (double Similarity, string Title) Closest(List<(Likeness Likeness, string Title)> judged, Likeness likeness)
    {
        var best = (0.0, "");
        foreach (var (other, title) in judged)
        {
            var similarity = likeness.To(other);
            if (similarity > best.Item1)
            {
                best = (similarity, title);
            }
        }

        return best;
    }

    private Likeness LikenessOf(Article article) => embed is null ? new Likeness(Words(article), null) : new Likeness(null, embed(article));

    // What two articles are compared on: their content words (cosine of the sets) or their embeddings (unit length,
    // so the dot product is the cosine).
    private sealed record Likeness(HashSet<string>? Words, float[]? Vector)
    {
        public double To(Likeness other)
        {
            if (Vector is not null && other.Vector is not null)
            {
                return SemanticSignal.Dot(Vector, other.Vector);
            }

            var shared = Words!.Count(other.Words!.Contains);
            return shared == 0 ? 0 : shared / Math.Sqrt(Words!.Count * (double)other.Words!.Count);
        }
    }

    // Content words of what a reader sees first: the headline and the summary.
    private static HashSet<string> Words(Article article) =>
        TextAnalyzer.Analyze(article.Title + " " + article.Summary)
            .Where(token => !token.IsStopWord && token.Stem.Length > 2 && !token.Stem.All(char.IsDigit))
            .Select(token => token.Stem)
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>How judgments weigh.</summary>
/// <param name="Alike">Similarity (cosine of word sets) from which a judged article counts as alike.</param>
/// <param name="Margin">How much closer to one side than the other an article must be.</param>
/// <param name="LiftFrom">How far under the threshold a match may be and still be lifted by an example.</param>
/// <param name="Rescue">Similarity from which an example rescues an article lacking one word group.</param>
public sealed record FeedbackSettings(double Alike, double Margin, double LiftFrom, double Rescue)
{
    /// <summary>The settings chosen on the evaluation's development topics (docs/scoring.md).</summary>
    public static FeedbackSettings Default { get; } = new(0.3, 0.1, 0.2, 0.45);
}
