using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Keeps each subscriber's channel health: a success clears it; permanent failures in a row mark the channel
/// unhealthy, after which deliveries are skipped until an operator saves the subscriber again.
/// </summary>
public sealed class ChannelHealthRecorder(ISubscriberStore subscribers, TimeProvider time, ILogger<ChannelHealthRecorder> logger)
{
    /// <summary>Updates the subscriber's channel health after a send.</summary>
    public async Task RecordAsync(Subscriber subscriber, string alertId, ChannelResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            logger.LogInformation("Alert {AlertId} sent via {Channel} to subscriber {SubscriberId}", alertId, subscriber.Channel, subscriber.Id);
            if (subscriber.Health.PermanentFailures > 0)
            {
                await subscribers.UpsertAsync(subscriber with { Health = ChannelHealth.Healthy }, cancellationToken);
            }

            return;
        }

        if (result.Permanent)
        {
            var health = subscriber.Health.AfterPermanentFailure(result.Detail, time.GetUtcNow());
            await subscribers.UpsertAsync(subscriber with { Health = health }, cancellationToken);
            logger.LogWarning(
                "Alert {AlertId} to subscriber {SubscriberId} failed for good via {Channel} ({Failures} in a row{Unhealthy}): {Detail}",
                alertId, subscriber.Id, subscriber.Channel, health.PermanentFailures, health.IsUnhealthy ? "; channel now unhealthy, deliveries skipped" : string.Empty, result.Detail);
        }
    }
}
