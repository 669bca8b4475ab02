using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Alerts.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Sends one digest to one subscriber and records the outcome.</summary>
public sealed class DeliverDigest(DeliverDigestHandler handler, MessageFailures failures, StorageNames names)
{
    /// <summary>Queue entry point.</summary>
    [Function(nameof(DeliverDigest))]
    public Task Run([QueueTrigger("%DigestsQueueName%")] string message, CancellationToken cancellationToken) =>
        failures.RunAsync(names.DigestsQueue, message, () => handler.HandleAsync(QueueMessages.Parse(message, AlertsJsonContext.Default.DigestMessage), cancellationToken), cancellationToken);
}
