using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;

namespace Alerts.Core.Evaluation;

/// <summary>A topic's quality on the measured half after some judgments drawn from the other half.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="Judgments">Judgments asked for.</param>
/// <param name="Judged">Judgments there were to draw (fewer when the topic showed fewer articles).</param>
/// <param name="Quality">Precision, recall and F1 on the measured half.</param>
public sealed record FeedbackPoint(string TopicId, int Judgments, int Judged, TopicQuality Quality);

/// <summary>
/// How much judgments help, simulated from labels. The articles are split in two halves (even and odd positions).
/// On the first, a subscriber judges what the topic shows them, in the order they would see it: its alerts as they
/// arrive, interleaved with the near misses the workbench lists, best first; each judgment is the label (core:
/// more like this, not: not relevant; related articles are skipped). The topic, with those judgments, is measured on
/// the second half only.
/// </summary>
public static class FeedbackSimulation
{
    /// <summary>Runs the simulation for every topic and every judgment count.</summary>
    public static IReadOnlyList<FeedbackPoint> Run(
        IReadOnlyList<WatchTopic> topics,
        IReadOnlyList<Article> articles,
        RelevanceLabels labels,
        IReadOnlyList<int> judgmentCounts,
        FeedbackSettings? settings = null,
        Func<Article, float[]>? embed = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(judgmentCounts);
        var seen = articles.Where((_, i) => i % 2 == 0).ToList();
        var measured = articles.Where((_, i) => i % 2 == 1).ToList();
        var points = new List<FeedbackPoint>();
        foreach (var topic in topics)
        {
            var shown = Shown(topic, seen);
            var index = TopicIndex.Build([topic], Gazetteer.Default, "simulation");
            var compiled = index.All.Single();
            var matches = measured.Select(article =>
            {
                var document = ArticleText.Analyze(article);
                return (Article: article, Match: TopicIndexScorer.Score(index, document).FirstOrDefault(), LacksOneGroup: TopicEvaluator.MissingClause(compiled, document) is not null);
            }).ToList();
            foreach (var count in judgmentCounts)
            {
                var judged = shown
                    .Select(article => (Article: article, Grade: labels.GradeOf(topic.Id, article.Key)))
                    .Where(item => item.Grade != RelevanceGrade.Related)
                    .Take(count)
                    .Select(item => (item.Article, Relevant: item.Grade == RelevanceGrade.Core))
                    .ToList();
                var feedback = TopicFeedback.From(judged, settings, embed);
                points.Add(new FeedbackPoint(topic.Id, count, judged.Count, Measure(topic, matches, labels, feedback)));
            }
        }

        return points;
    }

    // What the topic shows a subscriber on the first half: alerts in arrival order, near misses best first, in turn.
    private static List<Article> Shown(WatchTopic topic, List<Article> seen)
    {
        var index = TopicIndex.Build([topic], Gazetteer.Default, "shown");
        var alerts = seen.Where(article => TopicIndexScorer.Score(index, ArticleText.Analyze(article)).FirstOrDefault()?.Alert == true).ToList();
        var nearMisses = TopicPreview.Run(topic, seen).NearMisses.Select(item => item.Article).ToList();
        var shown = new List<Article>();
        for (var i = 0; i < Math.Max(alerts.Count, nearMisses.Count); i++)
        {
            if (i < alerts.Count)
            {
                shown.Add(alerts[i]);
            }

            if (i < nearMisses.Count)
            {
                shown.Add(nearMisses[i]);
            }
        }

        return shown;
    }

    private static TopicQuality Measure(WatchTopic topic, List<(Article Article, TopicMatch? Match, bool LacksOneGroup)> matches, RelevanceLabels labels, TopicFeedback feedback)
    {
        var tally = new GradeTally();
        foreach (var (article, match, lacksOneGroup) in matches)
        {
            var alert = match is not null
                ? feedback.Adjust(match, article, topic.Threshold).Alert
                : lacksOneGroup && feedback.RescueReason(article) is not null;
            tally.Count(labels.GradeOf(topic.Id, article.Key), alert);
        }

        return tally.For(topic);
    }
}
