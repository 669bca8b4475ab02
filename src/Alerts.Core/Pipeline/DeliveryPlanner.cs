using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Decides whether an alert goes out now or waits for the subscriber's digest. It waits when the subscription has a
/// digest cadence, during quiet hours, or once the day's cap is reached; it goes out at once when it scores in the
/// subscription's urgent band (the cap still counts it). What waits is stored until due, never dropped.
/// </summary>
public sealed class DeliveryPlanner(ISubscriberStore subscribers, IPendingAlertStore pending, IDailySendCounter sendCounts, TimeProvider time)
{
    /// <summary>The alert as it waits, or null when it goes out now.</summary>
    public async Task<PendingAlert?> HoldAsync(DeliveryMessage message, Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(subscriber);

        // Held by a run that stopped before recording it: it stays held, or the alert would go out twice.
        if (await pending.GetAsync(subscriber.Id, message.AlertId, cancellationToken) is { } waiting)
        {
            return waiting;
        }

        var now = time.GetUtcNow();
        var subscription = await subscribers.GetSubscriptionAsync(message.Match.TopicId, subscriber.Id, cancellationToken)
            ?? new Subscription(message.Match.TopicId, subscriber.Id);
        var schedule = new DeliverySchedule(subscriber);
        var hold = Decide(schedule, subscription, message.Match.Score, now);
        if (hold is null && subscriber.DailyCap is { } cap
            && !await sendCounts.TryCountAsync(subscriber.Id, schedule.LocalDay(now), cap, cancellationToken))
        {
            var until = subscription.Cadence == Cadence.Immediate
                ? schedule.OutOfQuietHours(schedule.StartOfNextDay(now))
                : schedule.NextDigest(subscription, now);
            hold = new Hold(until, $"daily limit of {cap} messages reached");
        }

        if (hold is null)
        {
            return null;
        }

        var alert = new PendingAlert(subscriber.Id, message.AlertId, message.ArticleKey, message.Match, hold.Until, hold.Reason) { HeldAt = now };
        await pending.AddAsync(alert, cancellationToken);
        return alert;
    }

    /// <summary>Whether cadence or quiet hours hold a match back at <paramref name="now"/>, and until when.</summary>
    public static Hold? Decide(DeliverySchedule schedule, Subscription subscription, double score, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.UrgentScore is { } urgent && score >= urgent)
        {
            return null;
        }

        if (subscription.Cadence != Cadence.Immediate)
        {
            return new Hold(schedule.NextDigest(subscription, now), $"{subscription.Cadence.ToString().ToLowerInvariant()} digest");
        }

        return schedule.IsQuiet(now) ? new Hold(schedule.OutOfQuietHours(now), "quiet hours") : null;
    }
}

/// <summary>An alert held back until <paramref name="Until"/>, and why.</summary>
public sealed record Hold(DateTimeOffset Until, string Reason);
