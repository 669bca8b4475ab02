using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>State of one delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>Attempted and failed; will be retried by the queue until it lands in the poison queue.</summary>
    Failed,

    /// <summary>Accepted by the channel's peer.</summary>
    Sent,

    /// <summary>Not sent on purpose (subscriber inactive).</summary>
    Skipped,
}

/// <summary>The recorded outcome of delivering one alert to one subscriber: what ops sees.</summary>
public sealed record DeliveryRecord(string SubscriberId, string AlertId, ChannelKind Channel, DeliveryStatus Status, string Detail)
{
    /// <summary>Article delivered.</summary>
    public string? ArticleKey { get; init; }

    /// <summary>Topic that matched.</summary>
    public string? TopicId { get; init; }

    /// <summary>Score of the match that caused the alert.</summary>
    public double Score { get; init; }

    /// <summary>Attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the outcome was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }
}
