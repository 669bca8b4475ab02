using System.Collections.Concurrent;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Scoring;

namespace Alerts.Cli.Demo;

/// <summary>Collects what the pipeline did during one demo run, for the report.</summary>
public sealed class DemoObserver : IPipelineObserver
{
    private readonly ConcurrentQueue<FetchEvent> _fetches = new();
    private readonly ConcurrentDictionary<string, ScoreEvent> _scores = new();
    private readonly ConcurrentQueue<DeliveryEvent> _deliveries = new();

    /// <summary>Feeds fetched.</summary>
    public IReadOnlyCollection<FetchEvent> Fetches => _fetches;

    /// <summary>Articles scored, by key.</summary>
    public IReadOnlyDictionary<string, ScoreEvent> Scores => _scores;

    /// <summary>Delivery outcomes and skipped redeliveries.</summary>
    public IReadOnlyCollection<DeliveryEvent> Deliveries => _deliveries;

    /// <inheritdoc />
    public void FeedFetched(FeedSource source, string outcome, IReadOnlyList<Article> newArticles, int seenBefore) =>
        _fetches.Enqueue(new FetchEvent(source, outcome, newArticles, seenBefore));

    /// <inheritdoc />
    public void ArticleScored(Article article, IReadOnlyList<TopicMatch> matches) =>
        _scores[article.Key] = new ScoreEvent(article, matches);

    /// <inheritdoc />
    public void DeliveryRecorded(DeliveryRecord record, bool alreadyDelivered) =>
        _deliveries.Enqueue(new DeliveryEvent(record, alreadyDelivered));

    /// <summary>One fetch.</summary>
    public sealed record FetchEvent(FeedSource Source, string Outcome, IReadOnlyList<Article> NewArticles, int SeenBefore);

    /// <summary>One scored article.</summary>
    public sealed record ScoreEvent(Article Article, IReadOnlyList<TopicMatch> Matches);

    /// <summary>One delivery outcome.</summary>
    public sealed record DeliveryEvent(DeliveryRecord Record, bool AlreadyDelivered);
}
