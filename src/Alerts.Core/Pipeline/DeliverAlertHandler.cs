using Alerts.Core.Delivery;
using Alerts.Core.Ingestion;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Queue step: sends one alert on the subscriber's channel and records the outcome. A redelivered message whose
/// alert was already sent does nothing. A failure retrying cannot fix (a 404 webhook, a refused mailbox) is recorded
/// and stops there. A passing failure is recorded and the delivery comes back after the receiver's Retry-After, or a
/// delay that doubles from 30 s to an hour, for as long as <see cref="AlertsOptions.DeliveryRetryBudget"/> allows;
/// past it the failure is thrown, so the queue's own retries run and the message is parked in the poison queue.
/// </summary>
public sealed class DeliverAlertHandler(
    IArticleStore articles,
    ISubscriberStore subscribers,
    IDeliveryStore deliveries,
    IEnumerable<IAlertChannel> channels,
    IStoryClusterStore storyClusters,
    UnsubscribeLinks unsubscribeLinks,
    IMessageQueue<DeliveryMessage> retries,
    Microsoft.Extensions.Options.IOptions<AlertsOptions> options,
    PipelineObservers observer,
    TimeProvider time,
    ILogger<DeliverAlertHandler> logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);

    /// <summary>How long a claim protects a delivery in progress; longer than any channel's send timeout.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(45);

    private readonly Dictionary<ChannelKind, IAlertChannel> _channels = channels.ToDictionary(c => c.Kind);

    /// <summary>Handles one <see cref="DeliveryMessage"/>.</summary>
    public async Task HandleAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        var previous = await deliveries.GetAsync(message.SubscriberId, message.AlertId, cancellationToken);
        if (previous is { Status: DeliveryStatus.Sent or DeliveryStatus.Skipped })
        {
            logger.LogInformation("Alert {AlertId} already handled ({Status}); not sending again", message.AlertId, previous.Status);
            observer.DeliveryRecorded(previous, alreadyDelivered: true);
            return;
        }

        var article = await articles.GetAsync(message.ArticleKey, cancellationToken)
            ?? throw new InvalidOperationException($"Article {message.ArticleKey} is not in the articles table.");
        var subscriber = await subscribers.GetAsync(message.SubscriberId, cancellationToken);
        var attempts = (previous?.Attempts ?? 0) + 1;
        if (subscriber is not { Active: true })
        {
            await RecordAsync(message, subscriber?.Channel ?? ChannelKind.Email, DeliveryStatus.Skipped, "subscriber inactive or removed", attempts, cancellationToken);
            return;
        }

        if (subscriber.Health.IsUnhealthy)
        {
            await RecordAsync(message, subscriber.Channel, DeliveryStatus.Skipped, $"channel unhealthy since {subscriber.Health.UnhealthySince:u} ({subscriber.Health.LastError}); fix the subscriber", attempts, cancellationToken);
            return;
        }

        if (!_channels.TryGetValue(subscriber.Channel, out var channel))
        {
            throw new InvalidOperationException($"No channel is configured for {subscriber.Channel}.");
        }

        // Claim before sending: two copies of this message running at once (queues are at-least-once) must not
        // both notify. A claim whose instance died is taken over once it is older than the lease.
        var now = time.GetUtcNow();
        var claim = await deliveries.TryClaimAsync(
            new DeliveryRecord(message.SubscriberId, message.AlertId, subscriber.Channel, DeliveryStatus.Sending, "sending")
            {
                ArticleKey = message.ArticleKey,
                TopicId = message.Match.TopicId,
                Score = message.Match.Score,
                Attempts = attempts,
                RecordedAt = now,
            },
            now - ClaimLease,
            cancellationToken);
        switch (claim.Outcome)
        {
            case DeliveryClaimOutcome.AlreadyHandled:
                logger.LogInformation("Alert {AlertId} already handled ({Status}); not sending again", message.AlertId, claim.Previous!.Status);
                observer.DeliveryRecorded(claim.Previous, alreadyDelivered: true);
                return;
            case DeliveryClaimOutcome.InProgress:
                throw new DeliveryInProgressException(message.AlertId);
        }

        attempts = (claim.Previous?.Attempts ?? previous?.Attempts ?? 0) + 1;

        // The alerted article is the first copy of its story; copies ingested since are the other outlets.
        var copies = await storyClusters.ListMembersAsync(article.Key, cancellationToken);
        var notification = new AlertNotification(message.AlertId, article, message.Match, subscriber)
        {
            UnsubscribeUrl = unsubscribeLinks.For(subscriber.Id),
            AlsoReportedBy = StoryClusters.AlsoReportedBy(article, copies),
        };
        var result = await channel.SendAsync(notification, cancellationToken);
        var status = result.Succeeded ? DeliveryStatus.Sent : DeliveryStatus.Failed;
        var detail = result.Permanent ? "gave up, retrying cannot help: " + result.Detail : result.Detail;
        await RecordAsync(message, subscriber.Channel, status, detail, attempts, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Alert {AlertId} sent via {Channel} to subscriber {SubscriberId}", message.AlertId, subscriber.Channel, subscriber.Id);
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
                message.AlertId, subscriber.Id, subscriber.Channel, health.PermanentFailures, health.IsUnhealthy ? "; channel now unhealthy, deliveries skipped" : string.Empty, result.Detail);
            return;
        }

        await RetryLaterAsync(message, subscriber.Channel, result, attempts, cancellationToken);
    }

    // Comes back after the receiver's Retry-After or a doubling delay, while the budget since the first attempt lasts.
    private async Task RetryLaterAsync(DeliveryMessage message, ChannelKind channel, ChannelResult result, int attempts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = message.FirstAttemptAt ?? now;
        var backoff = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempts - 1, 20)));
        var delay = result.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : backoff;
        if (delay > LongestRetryDelay)
        {
            delay = LongestRetryDelay;
        }

        if (now + delay - first > options.Value.DeliveryRetryBudget)
        {
            throw new DeliveryFailedException(channel, result.Detail, result.RetryAfter);
        }

        await retries.EnqueueAsync(message with { FirstAttemptAt = first }, delay, cancellationToken);
        logger.LogWarning(
            "Alert {AlertId} via {Channel} failed (attempt {Attempt}): {Detail}; trying again in {Delay}",
            message.AlertId, channel, attempts, result.Detail, delay);
    }

    private async Task RecordAsync(
        DeliveryMessage message, ChannelKind channel, DeliveryStatus status, string detail, int attempts, CancellationToken cancellationToken)
    {
        var record = new DeliveryRecord(message.SubscriberId, message.AlertId, channel, status, detail)
        {
            ArticleKey = message.ArticleKey,
            TopicId = message.Match.TopicId,
            Score = message.Match.Score,
            Attempts = attempts,
            RecordedAt = time.GetUtcNow(),
        };
        await deliveries.RecordAsync(record, cancellationToken);
        observer.DeliveryRecorded(record, alreadyDelivered: false);
    }
}

/// <summary>A channel refused an alert; thrown so the queue retries the delivery.</summary>
public sealed class DeliveryFailedException(ChannelKind channel, string detail, TimeSpan? retryAfter)
    : Exception($"Delivery via {channel} failed: {detail}")
{
    /// <summary>The channel that failed.</summary>
    public ChannelKind Channel { get; } = channel;

    /// <summary>Server-requested delay, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>Another instance is sending this alert right now; thrown so the queue looks again after its retry delay.</summary>
public sealed class DeliveryInProgressException(string alertId)
    : Exception($"Alert {alertId} is being delivered by another instance; checking again later.");
