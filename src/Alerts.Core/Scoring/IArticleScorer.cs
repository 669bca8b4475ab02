using Alerts.Core.Articles;

namespace Alerts.Core.Scoring;

/// <summary>Scores an article against the current watch topics.</summary>
public interface IArticleScorer
{
    /// <summary>
    /// Returns the topics the article is a candidate for, each with score, alert decision and evidence.
    /// Topics the article cannot match are not returned.
    /// </summary>
    ValueTask<IReadOnlyList<TopicMatch>> ScoreAsync(Article article, CancellationToken cancellationToken);
}
