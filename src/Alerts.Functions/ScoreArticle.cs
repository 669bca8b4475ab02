using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Alerts.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Scores one article against every watch topic and enqueues its deliveries.</summary>
public sealed class ScoreArticle(ScoreArticleHandler handler, MessageFailures failures, StorageNames names)
{
    /// <summary>Queue entry point.</summary>
    [Function(nameof(ScoreArticle))]
    public Task Run([QueueTrigger("%ArticlesQueueName%")] string message, CancellationToken cancellationToken) =>
        failures.RunAsync(names.ArticlesQueue, message, () => handler.HandleAsync(QueueMessages.Parse(message, AlertsJsonContext.Default.ScoreArticleMessage), cancellationToken), cancellationToken);
}
