using Alerts.Core.Delivery;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Queue step: sends one alert on the subscriber's channel and records the outcome. A redelivered message whose
/// alert was already sent does nothing; one that another instance is sending right now comes back when that
/// sender's claim would run out. A failure retrying cannot fix (a 404 webhook, a refused mailbox) is recorded and
/// stops there; a passing one is recorded and retried (<see cref="DeliveryRetries"/>). An alert the subscriber's
/// cadence, quiet hours or daily cap hold back waits for their digest (<see cref="DeliveryPlanner"/>).
/// </summary>
public sealed class DeliverAlertHandler(
    ISubscriberStore subscribers,
    IEnumerable<IAlertChannel> channels,
    AlertComposer composer,
    DeliveryLedger ledger,
    DeliveryRetries retries,
    ChannelHealthRecorder health,
    DeliveryPlanner planner,
    StoryDevelopments developments)
{
    private readonly Dictionary<ChannelKind, IAlertChannel> _channels = channels.ToDictionary(c => c.Kind);

    /// <summary>Handles one <see cref="DeliveryMessage"/>.</summary>
    public async Task HandleAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var previous = await ledger.GetAsync(message, cancellationToken);
        if (previous is { IsSettled: true })
        {
            // Another copy of a story already alerted: not alerted again, but the story has developed.
            await developments.NoteAsync(message, previous, cancellationToken);
            ledger.NoteAlreadyHandled(message, previous);
            return;
        }

        var subscriber = await subscribers.GetAsync(message.SubscriberId, cancellationToken);
        var attempts = (previous?.Attempts ?? 0) + 1;
        if (SkipReason(subscriber) is { } reason)
        {
            await ledger.RecordSkippedAsync(message, subscriber?.Channel ?? ChannelKind.Email, reason, attempts, cancellationToken);
            return;
        }

        // The subscriber's cadence, quiet hours or daily cap may hold it for a digest.
        if (await planner.HoldAsync(message, subscriber!, cancellationToken) is { } waiting)
        {
            await ledger.RecordHeldAsync(message, subscriber!.Channel, waiting, attempts, cancellationToken);
            return;
        }

        var channel = _channels.GetValueOrDefault(subscriber!.Channel)
            ?? throw new InvalidOperationException($"No channel is configured for {subscriber.Channel}.");
        var notification = await composer.ComposeAsync(message, subscriber, cancellationToken);

        // Claim before sending: two copies of this message running at once (queues are at-least-once) must not
        // both notify.
        var claim = await ledger.ClaimAsync(message, subscriber.Channel, attempts, cancellationToken);
        switch (claim.Outcome)
        {
            case DeliveryClaimOutcome.AlreadyHandled:
                ledger.NoteAlreadyHandled(message, claim.Previous!);
                return;
            case DeliveryClaimOutcome.InProgress:
                await retries.LookAgainAfterAsync(message, claim.LeaseLeft, cancellationToken);
                return;
        }

        var held = claim.Held!;
        var result = await held.SendAsync(channel, notification, cancellationToken);

        // The channel has answered: what it said is recorded even if the host is stopping, or a stop between an
        // accepted send and its record would send the alert again (only a crash may do that).
        var settled = CancellationToken.None;
        if (!await held.RecordAsync(result, settled))
        {
            // Another instance owns the delivery now; look again later in case it gave up.
            await retries.LookAgainAfterAsync(message, ledger.ClaimLease, settled);
            return;
        }

        if (result.Succeeded)
        {
            ledger.NoteDelivered(notification);
        }

        await health.RecordAsync(subscriber, message.AlertId, result, settled);
        if (!result.Succeeded && !result.Permanent)
        {
            await retries.RetryLaterAsync(message, subscriber.Channel, result, held.Attempts, settled);
        }
    }

    /// <summary>Why nothing may be sent to <paramref name="subscriber"/> now, or null; the digest path asks the same.</summary>
    internal static string? SkipReason(Subscriber? subscriber) => subscriber switch
    {
        not { Active: true } => "subscriber inactive or removed",
        { Health.IsUnhealthy: true } => $"channel unhealthy since {subscriber.Health.UnhealthySince:u} ({subscriber.Health.LastError}); fix the subscriber",
        _ => null,
    };
}
