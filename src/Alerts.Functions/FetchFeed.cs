using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Alerts.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Fetches one source and sends its new articles to scoring.</summary>
public sealed class FetchFeed(FetchFeedHandler handler, MessageFailures failures, StorageNames names)
{
    /// <summary>Queue entry point.</summary>
    [Function(nameof(FetchFeed))]
    public Task Run([QueueTrigger("%FeedsToFetchQueueName%")] string message, CancellationToken cancellationToken) =>
        failures.RunAsync(names.FeedsToFetchQueue, message, () => handler.HandleAsync(QueueMessages.Parse(message, AlertsJsonContext.Default.FetchFeedMessage), cancellationToken), cancellationToken);
}
