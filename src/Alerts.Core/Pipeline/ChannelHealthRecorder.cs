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
    /// <summary>Updates the subscriber's channel health after a send to <paramref name="sentTo"/>.</summary>
    public async Task RecordAsync(Subscriber sentTo, string alertId, ChannelResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentTo);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            logger.LogInformation("Alert {AlertId} sent via {Channel} to subscriber {SubscriberRef}", alertId, sentTo.Channel, SubscriberRef.For(sentTo.Id));
        }

        var changesHealth = result.Succeeded ? sentTo.Health.PermanentFailures > 0 : result.Permanent;
        if (!changesHealth)
        {
            return;
        }

        // Read again: an operator may have fixed the address (or the subscriber unsubscribed) while the send ran, and a
        // result about the old address must not be written over the new one.
        if (await subscribers.GetAsync(sentTo.Id, cancellationToken) is not { } subscriber
            || subscriber.Channel != sentTo.Channel || subscriber.Address != sentTo.Address)
        {
            return;
        }

        var health = result.Succeeded ? ChannelHealth.Healthy : subscriber.Health.AfterPermanentFailure(result.Detail, time.GetUtcNow());
        await subscribers.UpsertAsync(subscriber with { Health = health }, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning(
                "Alert {AlertId} to subscriber {SubscriberRef} failed for good via {Channel} ({Failures} in a row{Unhealthy}): {Detail}",
                alertId, SubscriberRef.For(subscriber.Id), subscriber.Channel, health.PermanentFailures, health.IsUnhealthy ? "; channel now unhealthy, deliveries skipped" : string.Empty, result.Detail);
        }
    }
}
