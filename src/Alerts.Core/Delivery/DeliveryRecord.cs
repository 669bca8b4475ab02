using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>State of one delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed by one instance that is sending it now; others wait instead of sending a second copy.</summary>
    Sending,

    /// <summary>Attempted and failed; will be retried by the queue until it lands in the poison queue.</summary>
    Failed,

    /// <summary>Accepted by the channel's peer.</summary>
    Sent,

    /// <summary>Not sent on purpose (subscriber inactive).</summary>
    Skipped,

    /// <summary>Held for the subscriber's next digest (their cadence, quiet hours or daily cap); the digest sends it.</summary>
    Held,
}

/// <summary>The recorded outcome of delivering one alert to one subscriber: what ops sees.</summary>
public sealed record DeliveryRecord(string SubscriberId, string AlertId, ChannelKind Channel, DeliveryStatus Status, string Detail)
{
    /// <summary>Article delivered.</summary>
    public string? ArticleKey { get; init; }

    /// <summary>Which version of the article (see <c>DeliveryMessage.ArticleVersion</c>).</summary>
    public string? ArticleVersion { get; init; }

    /// <summary>Topic that matched.</summary>
    public string? TopicId { get; init; }

    /// <summary>Score of the match that caused the alert.</summary>
    public double Score { get; init; }

    /// <summary>Attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the outcome was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// Which claim wrote this row: an id each sender draws when it claims the delivery. A store that cannot tell
    /// whether its own conditional write went through (the reply was lost, the retry found the row changed) reads the
    /// row back and recognises its own claim by it.
    /// </summary>
    public string? ClaimId { get; init; }

    /// <summary>Sent, skipped or held for a digest: the alert's own delivery is over and is never attempted again.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSettled => Status is DeliveryStatus.Sent or DeliveryStatus.Skipped or DeliveryStatus.Held;
}

/// <summary>What <c>IDeliveryStore.TryClaimAsync</c> found.</summary>
public enum DeliveryClaimOutcome
{
    /// <summary>This caller owns the delivery and sends it.</summary>
    Claimed,

    /// <summary>Already sent or skipped: nothing to do.</summary>
    AlreadyHandled,

    /// <summary>Another instance claimed it moments ago and is sending it.</summary>
    InProgress,
}

/// <summary>The result of claiming a delivery, with the record that was there before.</summary>
public sealed record DeliveryClaim(DeliveryClaimOutcome Outcome, DeliveryRecord? Previous)
{
    /// <summary>
    /// With <see cref="DeliveryClaimOutcome.Claimed"/>: the version of the claim row this caller wrote. Renewals and
    /// the outcome are written only while the row is still that version, so a sender whose claim was taken over can
    /// never overwrite the new owner's.
    /// </summary>
    public string? Token { get; init; }
}
