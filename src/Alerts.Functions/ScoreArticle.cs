using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Scores one article against every watch topic and enqueues its deliveries.</summary>
public sealed class ScoreArticle(ScoreArticleHandler handler)
{
    /// <summary>Queue entry point.</summary>
    [Function(nameof(ScoreArticle))]
    public Task Run([QueueTrigger("%ArticlesQueueName%")] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(QueueMessages.Parse(message, AlertsJsonContext.Default.ScoreArticleMessage), cancellationToken);
}
