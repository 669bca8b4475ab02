using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;

namespace Alerts.Core.Pipeline;

/// <summary>Registered feed sources.</summary>
public interface ISourceStore
{
    /// <summary>All sources.</summary>
    IAsyncEnumerable<FeedSource> ListAsync(CancellationToken cancellationToken);

    /// <summary>One source, or null.</summary>
    Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a source.</summary>
    Task UpsertAsync(FeedSource source, CancellationToken cancellationToken);

    /// <summary>Removes a source; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

/// <summary>Watch topics.</summary>
public interface ITopicStore
{
    /// <summary>All topics.</summary>
    IAsyncEnumerable<WatchTopic> ListAsync(CancellationToken cancellationToken);

    /// <summary>One topic, or null.</summary>
    Task<WatchTopic?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a topic.</summary>
    Task UpsertAsync(WatchTopic topic, CancellationToken cancellationToken);

    /// <summary>Removes a topic; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>A value that changes whenever any topic changes, so indexes know when to refresh.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken);
}

/// <summary>Subscribers and their subscriptions.</summary>
public interface ISubscriberStore
{
    /// <summary>One subscriber, or null.</summary>
    Task<Subscriber?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>All subscribers.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a subscriber.</summary>
    Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken);

    /// <summary>Subscriptions of one topic.</summary>
    IAsyncEnumerable<Subscription> ListSubscriptionsAsync(string topicId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a subscription.</summary>
    Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes a subscription; false when it did not exist.</summary>
    Task<bool> DeleteSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken);
}

/// <summary>Ingested articles, keyed by their dedupe key.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Inserts the article if no article with its key exists (atomic: of concurrent callers exactly one gets
    /// <see cref="ArticleAdmission.New"/>), otherwise tells whether the existing one already reached the scoring queue.
    /// </summary>
    Task<ArticleAdmission> AdmitAsync(Article article, CancellationToken cancellationToken);

    /// <summary>Notes that the article's scoring message is on the queue, so a re-fetch does not enqueue it again.</summary>
    Task MarkQueuedAsync(string key, CancellationToken cancellationToken);

    /// <summary>One article, or null.</summary>
    Task<Article?> GetAsync(string key, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IArticleStore.AdmitAsync"/> found.</summary>
public enum ArticleAdmission
{
    /// <summary>First time seen: stored now.</summary>
    New,

    /// <summary>Seen before, but its scoring message may never have been sent (an instance died in between).</summary>
    SeenNotQueued,

    /// <summary>Seen before and already sent to scoring.</summary>
    Seen,
}

/// <summary>Delivery outcomes, keyed by (subscriber, alert).</summary>
public interface IDeliveryStore
{
    /// <summary>The recorded outcome, or null when never attempted.</summary>
    Task<DeliveryRecord?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims a delivery before sending it: inserts <paramref name="claim"/> (status Sending) if there is
    /// no record, or takes over a failed one or a claim recorded before <paramref name="staleBefore"/> (its instance
    /// died). Of concurrent callers exactly one gets <see cref="DeliveryClaimOutcome.Claimed"/>.
    /// </summary>
    Task<DeliveryClaim> TryClaimAsync(DeliveryRecord claim, DateTimeOffset staleBefore, CancellationToken cancellationToken);

    /// <summary>Records (replaces) the outcome.</summary>
    Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken);

    /// <summary>Most recent outcomes, newest first, for ops.</summary>
    IAsyncEnumerable<DeliveryRecord> ListRecentAsync(int max, CancellationToken cancellationToken);
}
