using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Alerts.Core.Articles;
using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;

namespace Alerts.Testing.Fakes;

/// <summary>Articles in memory.</summary>
public sealed class InMemoryArticleStore : IArticleStore
{
    private readonly ConcurrentDictionary<string, (Article Article, bool Queued)> _articles = new();

    public Task<ArticleAdmission> AdmitAsync(Article article, CancellationToken cancellationToken) =>
        Task.FromResult(_articles.TryAdd(article.Key, (article, false)) ? ArticleAdmission.New
            : _articles[article.Key].Queued ? ArticleAdmission.Seen : ArticleAdmission.SeenNotQueued);

    public Task MarkQueuedAsync(string key, string storyKey, CancellationToken cancellationToken)
    {
        _articles.AddOrUpdate(key, _ => throw new InvalidOperationException(key), (_, a) => (a.Article with { StoryKey = storyKey }, true));
        return Task.CompletedTask;
    }

    public Task<Article?> ReplaceChangedAsync(Article article, CancellationToken cancellationToken)
    {
        if (!_articles.TryGetValue(article.Key, out var stored) || !stored.Article.IsRevisedBy(article))
        {
            return Task.FromResult<Article?>(null);
        }

        _articles[article.Key] = (stored.Article.RevisedTo(article), false);
        return Task.FromResult<Article?>(stored.Article);
    }

    public Task<Article?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_articles.TryGetValue(key, out var a) ? a.Article : null);
}

/// <summary>Subscribers and subscriptions in memory.</summary>
public sealed class InMemorySubscriberStore : ISubscriberStore
{
    private readonly ConcurrentDictionary<string, Subscriber> _subscribers = new();
    private readonly ConcurrentDictionary<(string TopicId, string SubscriberId), Subscription> _subscriptions = new();

    public Task<Subscriber?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_subscribers.GetValueOrDefault(id));

    public IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken) => Each(_subscribers.Values.ToList(), cancellationToken);

    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        _subscribers[subscriber.Id] = subscriber;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_subscribers.TryRemove(id, out _));

    public Task<Subscription?> GetSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken) =>
        Task.FromResult(_subscriptions.GetValueOrDefault((topicId, subscriberId)));

    public IAsyncEnumerable<Subscription> ListSubscriptionsAsync(string topicId, CancellationToken cancellationToken) =>
        Each(_subscriptions.Values.Where(s => s.TopicId == topicId).ToList(), cancellationToken);

    public IAsyncEnumerable<Subscription> ListSubscriptionsOfSubscriberAsync(string subscriberId, CancellationToken cancellationToken) =>
        Each(_subscriptions.Values.Where(s => s.SubscriberId == subscriberId).ToList(), cancellationToken);

    public Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        _subscriptions[(subscription.TopicId, subscription.SubscriberId)] = subscription;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken) =>
        Task.FromResult(_subscriptions.TryRemove((topicId, subscriberId), out _));

    private static async IAsyncEnumerable<T> Each<T>(List<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }
}

/// <summary>No story has other copies.</summary>
public sealed class NoStoryCopies : IStoryCopyStore
{
    public Task AddCopyAsync(string clusterKey, StoryCopy member, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<StoryCopy>> ListCopiesAsync(string clusterKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoryCopy>>([]);
}

/// <summary>A queue that keeps what was sent to it, with each message's delay.</summary>
public sealed class RecordingQueue<T> : IMessageQueue<T>
{
    private readonly ConcurrentQueue<(T Message, TimeSpan? Delay)> _sent = new();

    public IReadOnlyList<(T Message, TimeSpan? Delay)> Sent => _sent.ToList();

    public Task EnqueueAsync(T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        _sent.Enqueue((message, delay));
        return Task.CompletedTask;
    }
}

/// <summary>Feed sources in memory, with the table's conditional updates.</summary>
public sealed class InMemorySourceStore : ISourceStore
{
    private readonly ConcurrentDictionary<string, FeedSource> _sources = new();

    public IAsyncEnumerable<FeedSource> ListAsync(CancellationToken cancellationToken) => _sources.Values.ToList().ToAsyncEnumerable();

    public Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_sources.GetValueOrDefault(id));

    public Task UpsertAsync(FeedSource source, CancellationToken cancellationToken)
    {
        _sources[source.Id] = source;
        return Task.CompletedTask;
    }

    public Task<FeedSource?> UpdateAsync(string id, Func<FeedSource, FeedSource?> change, CancellationToken cancellationToken)
    {
        while (_sources.TryGetValue(id, out var current))
        {
            if (change(current) is not { } changed)
            {
                return Task.FromResult<FeedSource?>(null);
            }

            if (_sources.TryUpdate(id, changed, current))
            {
                return Task.FromResult<FeedSource?>(changed);
            }
        }

        return Task.FromResult<FeedSource?>(null);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_sources.TryRemove(id, out _));
}
