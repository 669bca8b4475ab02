using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Delivers one alert to one subscriber and records the outcome.</summary>
public sealed class DeliverAlert(DeliverAlertHandler handler)
{
    /// <summary>Queue entry point.</summary>
    [Function(nameof(DeliverAlert))]
    public Task Run([QueueTrigger("%DeliveriesQueueName%")] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(QueueMessages.Parse(message, AlertsJsonContext.Default.DeliveryMessage), cancellationToken);
}
