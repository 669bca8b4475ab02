using Alerts.Core.Subscriptions;

namespace Alerts.Core.Pipeline;

/// <summary>Subscribers and their subscriptions.</summary>
public interface ISubscriberStore
{
    /// <summary>One subscriber, or null.</summary>
    Task<Subscriber?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>All subscribers.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a subscriber.</summary>
    Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken);

    /// <summary>Removes a subscriber and every subscription of theirs; false when they did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>One subscription, or null.</summary>
    Task<Subscription?> GetSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken);

    /// <summary>Subscriptions of one topic.</summary>
    IAsyncEnumerable<Subscription> ListSubscriptionsAsync(string topicId, CancellationToken cancellationToken);

    /// <summary>Subscriptions of one subscriber, across topics.</summary>
    IAsyncEnumerable<Subscription> ListSubscriptionsOfSubscriberAsync(string subscriberId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a subscription.</summary>
    Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes a subscription; false when it did not exist.</summary>
    Task<bool> DeleteSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken);
}
