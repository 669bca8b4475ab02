using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>Everything a channel needs to tell one subscriber about one matching article.</summary>
/// <param name="AlertId">Stable id of (article, topic, subscriber): the idempotency key of the delivery.</param>
/// <param name="Article">The article.</param>
/// <param name="Match">Why it matched: score and evidence.</param>
/// <param name="Subscriber">Who receives it.</param>
public sealed record AlertNotification(string AlertId, Article Article, TopicMatch Match, Subscriber Subscriber)
{
    /// <summary>Other outlets that carried the same story (near-duplicates clustered at ingestion).</summary>
    public IReadOnlyList<RelatedSource> AlsoReportedBy { get; init; } = [];

    /// <summary>One-click unsubscribe link (RFC 8058), when a public base URL is configured.</summary>
    public Uri? UnsubscribeUrl { get; init; }
}

/// <summary>Another outlet's copy of the same story.</summary>
public sealed record RelatedSource(string Name, string? Link);

/// <summary>A way of reaching subscribers: e-mail, Teams, webhook.</summary>
public interface IAlertChannel
{
    /// <summary>The channel this implementation serves.</summary>
    ChannelKind Kind { get; }

    /// <summary>Sends one alert. Returns the outcome rather than throwing for delivery failures.</summary>
    Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken);
}

/// <summary>The outcome of one send, recorded for ops.</summary>
/// <param name="Succeeded">Whether the peer accepted it.</param>
/// <param name="Detail">What the peer said, e.g. <c>250 2.0.0 queued</c> or <c>202 Accepted</c>. Never contains credentials.</param>
public sealed record ChannelResult(bool Succeeded, string Detail)
{
    /// <summary>Server-requested delay before retrying (429 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A success.</summary>
    public static ChannelResult Success(string detail) => new(true, detail);

    /// <summary>A failure.</summary>
    public static ChannelResult Failure(string detail, TimeSpan? retryAfter = null) => new(false, detail) { RetryAfter = retryAfter };
}
