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

    /// <summary>One-click unsubscribe link (RFC 8058): leaves this alert's topic. Null without a public base URL.</summary>
    public Uri? UnsubscribeUrl { get; init; }

    /// <summary>The subscriber's signed links (preferences, mute, unsubscribe), when a public base URL is configured.</summary>
    public ManageLinks? Links { get; init; }
}

/// <summary>Another outlet's copy of the same story.</summary>
public sealed record RelatedSource(string Name, string? Link);
