using System.Collections.Concurrent;
using Alerts.Core.Articles;
using Alerts.Core.Pipeline;
using Alerts.Core.Scoring;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Workbench;

/// <summary>
/// The judgments of each topic as a <see cref="TopicFeedback"/>, built from the judgment store and the judged
/// articles, kept for a minute (judgments change slowly; scoring is hot), and applied to a topic's matches when
/// <see cref="ScoringOptions.Feedback"/> is on.
/// </summary>
public sealed class FeedbackModels(IJudgmentStore judgments, IArticleStore articles, ITopicStore topics, IOptions<ScoringOptions> options, TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Built, TopicFeedback Model, double Threshold)> _models = new(StringComparer.Ordinal);

    /// <summary>The matches as the topics' judgments would have them (unchanged when feedback is off).</summary>
    public async Task<IReadOnlyList<TopicMatch>> ApplyAsync(Article article, IReadOnlyList<TopicMatch> matches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (!options.Value.Feedback || matches.Count == 0)
        {
            return matches;
        }

        var adjusted = new List<TopicMatch>(matches.Count);
        foreach (var match in matches)
        {
            var (model, threshold) = await ForAsync(match.TopicId, cancellationToken);
            adjusted.Add(model.Adjust(match, article, threshold));
        }

        return adjusted;
    }

    private async Task<(TopicFeedback Model, double Threshold)> ForAsync(string topicId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_models.TryGetValue(topicId, out var cached) && now - cached.Built < KeptFor)
        {
            return (cached.Model, cached.Threshold);
        }

        var judged = new List<(Article, bool)>();
        await foreach (var judgment in judgments.ListAsync(topicId, cancellationToken))
        {
            // The article itself while it is stored; its headline alone once retention has removed it.
            var article = await articles.GetAsync(judgment.ArticleKey, cancellationToken)
                ?? new Article(judgment.ArticleKey, "", judgment.Title ?? "", null, null, null, judgment.At);
            judged.Add((article, judgment.Relevant));
        }

        var threshold = (await topics.GetAsync(topicId, cancellationToken))?.Threshold ?? 0.5;
        var model = TopicFeedback.From(judged);
        _models[topicId] = (now, model, threshold);
        return (model, threshold);
    }
}
