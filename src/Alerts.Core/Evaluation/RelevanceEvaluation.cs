using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;

namespace Alerts.Core.Evaluation;

/// <summary>
/// Runs topics over labelled articles and measures precision, recall and F1 per topic, and what each topic's
/// constraints cost in recall (the same topic scored again without them). Scoring goes through the production
/// <see cref="IArticleScorer"/>, so what is measured is what subscribers get.
/// </summary>
public static class RelevanceEvaluation
{
    /// <summary>Evaluates every topic on every article.</summary>
    /// <param name="topics">The topics to measure.</param>
    /// <param name="articles">The labelled articles (their keys are the ids in the labels).</param>
    /// <param name="labels">The judgments.</param>
    /// <param name="createScorer">Builds a scorer for a set of topics.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<IReadOnlyList<TopicQuality>> RunAsync(
        IReadOnlyList<WatchTopic> topics,
        IReadOnlyList<Article> articles,
        RelevanceLabels labels,
        Func<IReadOnlyList<WatchTopic>, IArticleScorer> createScorer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(createScorer);
        var withConstraints = await ScoreAllAsync(createScorer(topics), articles, cancellationToken);
        var constrained = topics.Where(t => t.Constraints is not null && HasAny(t.Constraints)).ToList();
        var withoutConstraints = constrained.Count == 0
            ? []
            : await ScoreAllAsync(createScorer(constrained.Select(t => t with { Constraints = null }).ToList()), articles, cancellationToken);
        return topics.Select(topic => Measure(topic, articles, labels, withConstraints, constrained.Contains(topic) ? withoutConstraints : null)).ToList();
    }

    private static bool HasAny(TopicConstraints c) =>
        c.Places.Count + c.ExcludePlaces.Count + c.Organisations.Count + c.ActorNationalities.Count + c.ExcludeActorNationalities.Count > 0;

    private static async Task<Dictionary<(string Topic, string Article), TopicMatch>> ScoreAllAsync(
        IArticleScorer scorer, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var matches = new Dictionary<(string, string), TopicMatch>();
        foreach (var article in articles)
        {
            foreach (var match in await scorer.ScoreAsync(article, cancellationToken))
            {
                matches[(match.TopicId, article.Key)] = match;
            }
        }

        return matches;
    }

    private static TopicQuality Measure(
        WatchTopic topic,
        IReadOnlyList<Article> articles,
        RelevanceLabels labels,
        Dictionary<(string Topic, string Article), TopicMatch> matches,
        Dictionary<(string Topic, string Article), TopicMatch>? unconstrained)
    {
        var tally = new GradeTally();
        var coreWithout = 0;
        var falseAlertDetails = new List<EvaluationError>();
        var missDetails = new List<EvaluationError>();
        var compiled = new Lazy<CompiledTopic>(() => CompiledTopic.Compile(topic, Gazetteer.Default));
        foreach (var article in articles)
        {
            var grade = labels.GradeOf(topic.Id, article.Key);
            var match = matches.GetValueOrDefault((topic.Id, article.Key));
            var alert = match?.Alert == true;
            tally.Count(grade, alert);
            if (grade == RelevanceGrade.Core)
            {
                if (!alert)
                {
                    missDetails.Add(new EvaluationError(article.Key, article.Title, match)
                    {
                        Shortfall = match is null ? QueryShortfall.Describe(compiled.Value, ArticleText.Analyze(article)) : null,
                    });
                }

                coreWithout += unconstrained?.GetValueOrDefault((topic.Id, article.Key))?.Alert == true ? 1 : 0;
            }
            else if (grade != RelevanceGrade.Related && alert)
            {
                falseAlertDetails.Add(new EvaluationError(article.Key, article.Title, match));
            }
        }

        return tally.For(topic) with
        {
            CoreAlertedWithoutConstraints = unconstrained is null ? null : coreWithout,
            FalseAlertDetails = falseAlertDetails,
            MissDetails = missDetails,
        };
    }
}
