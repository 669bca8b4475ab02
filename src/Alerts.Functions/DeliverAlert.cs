using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Alerts.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Delivers one alert to one subscriber and records the outcome.</summary>
public sealed class DeliverAlert(DeliverAlertHandler handler, MessageFailures failures, StorageNames names)
{
    /// <summary>Queue entry point.</summary>
    [Function(nameof(DeliverAlert))]
    public Task Run([QueueTrigger("%DeliveriesQueueName%")] string message, CancellationToken cancellationToken) =>
        failures.RunAsync(names.DeliveriesQueue, message, () => handler.HandleAsync(QueueMessages.Parse(message, AlertsJsonContext.Default.DeliveryMessage), cancellationToken), cancellationToken);
}
