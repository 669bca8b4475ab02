using Alerts.Core.Delivery;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Queue step: sends one digest. It first takes its alerts (each waiting alert due by the message's time that no other
/// digest has, atomically), then claims its delivery like an alert's, sends it as one message, and removes the alerts
/// once sent. A redelivered message (the instance died mid-digest) finds the alerts it took and the digest's record:
/// sent means only the clean-up is left; otherwise it sends them. So each alert is in exactly one digest that is sent.
/// </summary>
public sealed class DeliverDigestHandler(
    ISubscriberStore subscribers,
    IPendingAlertStore pending,
    IEnumerable<IAlertChannel> channels,
    DigestComposer composer,
    DeliveryLedger ledger,
    ChannelHealthRecorder health,
    IMessageQueue<DigestMessage> queue,
    TimeProvider time,
    ILogger<DeliverDigestHandler> logger)
{
    private readonly Dictionary<ChannelKind, IAlertChannel> _channels = channels.ToDictionary(c => c.Kind);

    /// <summary>Handles one <see cref="DigestMessage"/>; answers how many alerts the digest settled.</summary>
    public async Task<int> HandleAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var previous = await ledger.Store.GetAsync(message.SubscriberId, message.DigestId, cancellationToken);
        if (previous is { IsSettled: true })
        {
            return await RemoveTakenAsync(message, cancellationToken);
        }

        var subscriber = await subscribers.GetAsync(message.SubscriberId, cancellationToken);
        var alerts = await TakeAsync(message, cancellationToken);
        if (alerts.Count == 0)
        {
            return 0;
        }

        var skip = DeliverAlertHandler.SkipReason(subscriber);
        if (skip is not null || subscriber is null)
        {
            await ledger.RecordSettledAsync(Record(message, subscriber?.Channel ?? ChannelKind.Email, DeliveryStatus.Skipped, skip ?? "subscriber removed", alerts.Count, 1), cancellationToken);
            return await RemoveTakenAsync(message, cancellationToken);
        }

        // Alerts of topics the subscriber has left since they were held are not sent.
        var followed = await subscribers.ListSubscriptionsOfSubscriberAsync(subscriber.Id, cancellationToken)
            .Select(subscription => subscription.TopicId).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var wanted = alerts.Where(alert => followed.Contains(alert.Match.TopicId)).ToList();
        var digest = await composer.ComposeAsync(message.DigestId, subscriber, wanted, cancellationToken);
        if (digest is null)
        {
            return await RemoveTakenAsync(message, cancellationToken);
        }

        var channel = _channels.GetValueOrDefault(subscriber.Channel)
            ?? throw new InvalidOperationException($"No channel is configured for {subscriber.Channel}.");
        var claim = await ledger.ClaimAsync(Record(message, subscriber.Channel, DeliveryStatus.Sending, "sending", digest.AlertCount, (previous?.Attempts ?? 0) + 1), cancellationToken);
        switch (claim.Outcome)
        {
            case DeliveryClaimOutcome.AlreadyHandled:
                return await RemoveTakenAsync(message, cancellationToken);
            case DeliveryClaimOutcome.InProgress:
                await queue.EnqueueAsync(message, claim.LeaseLeft + TimeSpan.FromSeconds(5), cancellationToken);
                return 0;
        }

        var held = claim.Held!;
        var result = await held.SendAsync(token => channel.SendDigestAsync(digest, token), cancellationToken);
        var settled = CancellationToken.None;
        if (!await held.RecordAsync(result, settled))
        {
            await queue.EnqueueAsync(message, ledger.ClaimLease, settled);
            return 0;
        }

        await health.RecordAsync(subscriber, message.DigestId, result, settled);
        if (!result.Succeeded)
        {
            // The alerts stay with this digest: the queue retries it, and a parked one can be replayed.
            throw new DeliveryFailedException(subscriber.Channel, result.Detail, result.RetryAfter);
        }

        logger.LogInformation(
            "Digest {DigestId} with {Alerts} alerts on {Topics} topics sent to subscriber {SubscriberRef}",
            message.DigestId, digest.AlertCount, digest.Topics.Count, SubscriberRef.For(subscriber.Id));
        return await RemoveTakenAsync(message, settled);
    }

    // The digest's alerts: those it already took (a run before this one stopped after taking them), and every other
    // alert due by the message's time that it can take now.
    private async Task<List<PendingAlert>> TakeAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var taken = new List<PendingAlert>();
        await foreach (var alert in pending.ListAsync(message.SubscriberId, cancellationToken))
        {
            var mine = alert.DigestId == message.DigestId
                || (alert.DigestId is null && alert.DueAt <= message.DueBy && await pending.TryTakeAsync(alert, message.DigestId, now, cancellationToken));
            if (mine)
            {
                taken.Add(alert with { DigestId = message.DigestId });
            }
        }

        return taken;
    }

    private async Task<int> RemoveTakenAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var alert in pending.ListAsync(message.SubscriberId, cancellationToken))
        {
            if (alert.DigestId == message.DigestId)
            {
                await pending.RemoveAsync(alert.SubscriberId, alert.AlertId, cancellationToken);
                removed++;
            }
        }

        return removed;
    }

    private DeliveryRecord Record(DigestMessage message, ChannelKind channel, DeliveryStatus status, string detail, int alerts, int attempts) =>
        new(message.SubscriberId, message.DigestId, channel, status, detail)
        {
            TopicId = "digest",
            Score = alerts,
            Attempts = attempts,
            RecordedAt = time.GetUtcNow(),
        };
}
