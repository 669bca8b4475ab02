using Alerts.Core.Delivery;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline;

/// <summary>
/// When a delivery comes back. A passing failure comes back after the receiver's Retry-After, or a delay that doubles
/// from 30 s to an hour, for as long as <see cref="AlertsOptions.DeliveryRetryBudget"/> since the first attempt
/// allows; past it the failure is thrown, so the queue's own retries run and the message is parked. A delivery
/// another instance is sending comes back when that sender's claim would run out, without spending an attempt.
/// </summary>
public sealed class DeliveryRetries(
    IMessageQueue<DeliveryMessage> queue,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<DeliveryRetries> logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The delay before the next attempt after a passing failure, or null when it would end past the retry budget.
    /// </summary>
    public static TimeSpan? NextDelay(ChannelResult result, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset now, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(result);
        var backoff = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Clamp(attempts - 1, 0, 20)));
        var delay = result.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : backoff;
        if (delay > LongestRetryDelay)
        {
            delay = LongestRetryDelay;
        }

        return now + delay - firstAttemptAt > budget ? null : delay;
    }

    /// <summary>Puts the delivery back for a later attempt, or throws once the retry budget is spent.</summary>
    public async Task RetryLaterAsync(DeliveryMessage message, ChannelKind channel, ChannelResult result, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        var first = message.FirstAttemptAt ?? now;
        if (NextDelay(result, attempts, first, now, options.Value.DeliveryRetryBudget) is not { } delay)
        {
            throw new DeliveryFailedException(channel, result.Detail, result.RetryAfter);
        }

        await queue.EnqueueAsync(message with { FirstAttemptAt = first }, delay, cancellationToken);
        logger.LogWarning(
            "Alert {AlertId} via {Channel} failed (attempt {Attempt}): {Detail}; trying again in {Delay}",
            message.AlertId, channel, attempts, result.Detail, delay);
    }

    /// <summary>Looks again once another instance's claim on the delivery would have run out.</summary>
    public async Task LookAgainAfterAsync(DeliveryMessage message, TimeSpan leaseLeft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var wait = leaseLeft + ShortestWait;
        await queue.EnqueueAsync(message, wait, cancellationToken);
        logger.LogInformation("Alert {AlertId} is being sent by another instance; looking again in {Delay}", message.AlertId, wait);
    }
}

/// <summary>A channel kept refusing an alert past the retry budget; thrown so the queue parks the delivery.</summary>
public sealed class DeliveryFailedException(ChannelKind channel, string detail, TimeSpan? retryAfter)
    : Exception($"Delivery via {channel} failed: {detail}")
{
    /// <summary>The channel that failed.</summary>
    public ChannelKind Channel { get; } = channel;

    /// <summary>Server-requested delay, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
