using Alerts.Core.Delivery;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline;

/// <summary>
/// The record of each delivery and the claim that lets exactly one instance send it. A claim lasts
/// <see cref="ClaimLease"/>, half as long again as any send may take (<see cref="AlertsOptions.DeliverySendDeadline"/>),
/// is renewed while the send runs, and every later write is conditional on the claim's own version: a sender whose
/// claim was taken over can neither extend it nor overwrite the new owner's outcome.
/// </summary>
public sealed class DeliveryLedger(
    IDeliveryStore store,
    PipelineObservers observer,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<DeliveryLedger> logger)
{
    /// <summary>The longest one send may take.</summary>
    public TimeSpan SendDeadline => options.Value.DeliverySendDeadline;

    /// <summary>How long a claim protects a delivery in progress without being renewed.</summary>
    public TimeSpan ClaimLease => SendDeadline * 1.5;

    internal IDeliveryStore Store => store;

    internal PipelineObservers Observer => observer;

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;

    /// <summary>The delivery's record, or null when never attempted.</summary>
    public Task<DeliveryRecord?> GetAsync(DeliveryMessage message, CancellationToken cancellationToken) =>
        store.GetAsync(message.SubscriberId, message.AlertId, cancellationToken);

    /// <summary>Tells the observers an alert reached its channel now (for delivery-latency metrics).</summary>
    public void NoteDelivered(AlertNotification notification) => observer.AlertDelivered(notification, time.GetUtcNow());

    /// <summary>Notes a redelivered message whose alert was already sent or skipped.</summary>
    public void NoteAlreadyHandled(DeliveryMessage message, DeliveryRecord record)
    {
        logger.LogInformation("Alert {AlertId} already handled ({Status}); not sending again", message.AlertId, record.Status);
        observer.DeliveryRecorded(record, alreadyDelivered: true);
    }

    /// <summary>
    /// Records that the delivery is skipped (the subscriber is gone or unhealthy), as a claim would be taken: never over
    /// an alert already sent, nor under another instance that is sending it right now.
    /// </summary>
    public Task RecordSkippedAsync(DeliveryMessage message, ChannelKind channel, string reason, int attempts, CancellationToken cancellationToken) =>
        RecordSettledAsync(RecordOf(message, channel, DeliveryStatus.Skipped, reason, attempts), cancellationToken);

    /// <summary>Records that the alert waits for the subscriber's digest, the same way.</summary>
    public Task RecordHeldAsync(DeliveryMessage message, ChannelKind channel, PendingAlert held, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"held for a digest ({held.Reason}), due {held.DueAt:u}");
        return RecordSettledAsync(RecordOf(message, channel, DeliveryStatus.Held, detail, attempts), cancellationToken);
    }

    /// <summary>Records a settled outcome unless the delivery was already handled or is being sent.</summary>
    public async Task RecordSettledAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var claim = await store.TryClaimAsync(record, time.GetUtcNow() - ClaimLease, cancellationToken);
        if (claim.Outcome == DeliveryClaimOutcome.Claimed)
        {
            observer.DeliveryRecorded(record, alreadyDelivered: false);
        }
        else
        {
            logger.LogInformation("Delivery {AlertId} not marked {Status}: it is {Previous}", record.AlertId, record.Status, claim.Previous?.Status.ToString() ?? "being handled");
        }
    }

    /// <summary>
    /// Claims the delivery for this instance. A claim whose instance died is taken over once its lease has run out;
    /// one still running is left alone, with the time until its lease runs out.
    /// </summary>
    public Task<DeliveryClaimAttempt> ClaimAsync(DeliveryMessage message, ChannelKind channel, int attempts, CancellationToken cancellationToken) =>
        ClaimAsync(RecordOf(message, channel, DeliveryStatus.Sending, "sending", attempts), cancellationToken);

    /// <summary>Claims any delivery (an alert, a digest) described by its record, as above.</summary>
    public async Task<DeliveryClaimAttempt> ClaimAsync(DeliveryRecord sending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sending);
        var now = time.GetUtcNow();
        var attempts = sending.Attempts;
        var request = sending with { Status = DeliveryStatus.Sending, ClaimId = Guid.NewGuid().ToString("N"), RecordedAt = now };
        var claim = await store.TryClaimAsync(request, now - ClaimLease, cancellationToken);
        return claim.Outcome switch
        {
            DeliveryClaimOutcome.Claimed => new DeliveryClaimAttempt(claim.Outcome, claim.Previous)
            {
                Held = new HeldDeliveryClaim(this, request with { Attempts = (claim.Previous?.Attempts ?? attempts - 1) + 1 }, claim.Token!),
            },
            DeliveryClaimOutcome.InProgress => new DeliveryClaimAttempt(claim.Outcome, claim.Previous)
            {
                // A row another instance just took over may carry an old time: never a negative wait.
                LeaseLeft = claim.Previous is { Status: DeliveryStatus.Sending } holder
                    ? TimeSpan.FromTicks(Math.Max(0, (holder.RecordedAt + ClaimLease - now).Ticks))
                    : TimeSpan.Zero,
            },
            _ => new DeliveryClaimAttempt(claim.Outcome, claim.Previous),
        };
    }

    internal DeliveryRecord RecordOf(DeliveryMessage message, ChannelKind channel, DeliveryStatus status, string detail, int attempts) =>
        new(message.SubscriberId, message.AlertId, channel, status, detail)
        {
            ArticleKey = message.ArticleKey,
            ArticleVersion = message.ArticleVersion,
            TopicId = message.Match.TopicId,
            Score = message.Match.Score,
            Attempts = attempts,
            RecordedAt = time.GetUtcNow(),
        };
}

/// <summary>What claiming a delivery found: the claim to send under, or why there is nothing to send now.</summary>
public sealed record DeliveryClaimAttempt(DeliveryClaimOutcome Outcome, DeliveryRecord? Previous)
{
    /// <summary>With <see cref="DeliveryClaimOutcome.Claimed"/>: the claim to send and record under.</summary>
    public HeldDeliveryClaim? Held { get; init; }

    /// <summary>With <see cref="DeliveryClaimOutcome.InProgress"/>: how long the other sender's claim still holds.</summary>
    public TimeSpan LeaseLeft { get; init; }
}
