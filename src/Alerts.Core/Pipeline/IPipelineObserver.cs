using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Scoring;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Hooks for watching the pipeline in-process: the demo prints from them and tests wait on them.
/// Implementations must be cheap and must not throw.
/// </summary>
public interface IPipelineObserver
{
    /// <summary>A feed was fetched: how many entries it had and which articles were new.</summary>
    void FeedFetched(FeedSource source, string outcome, IReadOnlyList<Article> newArticles, int seenBefore) { }

    /// <summary>An article was scored; <paramref name="matches"/> holds the candidate topics.</summary>
    void ArticleScored(Article article, IReadOnlyList<TopicMatch> matches) { }

    /// <summary>A delivery outcome was recorded, or a delivery was skipped because it had already been made.</summary>
    void DeliveryRecorded(DeliveryRecord record, bool alreadyDelivered) { }

    /// <summary>A fetch ended: its result and, when a feed was read, what intake made of its entries.</summary>
    void FetchCompleted(FeedSource source, FeedFetchResult result, FeedIntakeTally? tally) { }

    /// <summary>An alert reached its subscriber's channel at <paramref name="at"/>.</summary>
    void AlertDelivered(AlertNotification notification, DateTimeOffset at) { }
}

/// <summary>Fans events out to every registered observer.</summary>
public sealed class PipelineObservers(IEnumerable<IPipelineObserver> observers) : IPipelineObserver
{
    private readonly IPipelineObserver[] _observers = observers.ToArray();

    /// <inheritdoc />
    public void FeedFetched(FeedSource source, string outcome, IReadOnlyList<Article> newArticles, int seenBefore)
    {
        foreach (var observer in _observers)
        {
            observer.FeedFetched(source, outcome, newArticles, seenBefore);
        }
    }

    /// <inheritdoc />
    public void ArticleScored(Article article, IReadOnlyList<TopicMatch> matches)
    {
        foreach (var observer in _observers)
        {
            observer.ArticleScored(article, matches);
        }
    }

    /// <inheritdoc />
    public void DeliveryRecorded(DeliveryRecord record, bool alreadyDelivered)
    {
        foreach (var observer in _observers)
        {
            observer.DeliveryRecorded(record, alreadyDelivered);
        }
    }

    /// <inheritdoc />
    public void FetchCompleted(FeedSource source, FeedFetchResult result, FeedIntakeTally? tally)
    {
        foreach (var observer in _observers)
        {
            observer.FetchCompleted(source, result, tally);
        }
    }

    /// <inheritdoc />
    public void AlertDelivered(AlertNotification notification, DateTimeOffset at)
    {
        foreach (var observer in _observers)
        {
            observer.AlertDelivered(notification, at);
        }
    }
}
