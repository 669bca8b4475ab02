using Alerts.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>What happened to one pushed article.</summary>
/// <param name="Key">The article key Alerts derived.</param>
/// <param name="Status"><c>accepted</c> or <c>duplicate</c>.</param>
public sealed record PushOutcome(string Key, string Status);

/// <summary>HTTP step: stores pushed articles once (idempotent on the article key) and sends new ones to scoring.</summary>
public sealed class PushArticlesHandler(
    IArticleStore articles,
    IMessageQueue<ScoreArticleMessage> scoreQueue,
    TimeProvider time,
    ILogger<PushArticlesHandler> logger)
{
    /// <summary>Admits valid submissions; validate with <see cref="ArticleSubmissions.Validate"/> first.</summary>
    public async Task<IReadOnlyList<PushOutcome>> HandleAsync(IReadOnlyList<ArticleSubmission> submissions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcomes = new List<PushOutcome>(submissions.Count);
        foreach (var submission in submissions)
        {
            var article = ArticleSubmissions.ToArticle(submission, now);
            var admission = await articles.AdmitAsync(article, cancellationToken);
            if (admission != ArticleAdmission.Seen)
            {
                await scoreQueue.EnqueueAsync(new ScoreArticleMessage(article.Key), null, cancellationToken);
                await articles.MarkQueuedAsync(article.Key, cancellationToken);
            }

            outcomes.Add(new PushOutcome(article.Key, admission == ArticleAdmission.New ? "accepted" : "duplicate"));
        }

        logger.LogInformation("Pushed {Count} articles, {New} new", outcomes.Count, outcomes.Count(o => o.Status == "accepted"));
        return outcomes;
    }
}
