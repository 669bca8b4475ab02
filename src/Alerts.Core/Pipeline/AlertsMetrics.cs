using System.Diagnostics.Metrics;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Scoring;

namespace Alerts.Core.Pipeline;

/// <summary>
/// The pipeline's metrics (meter <c>Alerts</c>), fed by the pipeline's events: what an operator asks of a news-alert
/// service. Names and tags are documented in docs/operations.md; no tag carries an address, a URL or a title.
/// </summary>
public sealed class AlertsMetrics : IPipelineObserver
{
    /// <summary>The meter's name, for exporters and collectors.</summary>
    public const string MeterName = "Alerts";

    private readonly Counter<long> _fetches;
    private readonly Counter<long> _fetchedBytes;
    private readonly Counter<long> _entries;
    private readonly Counter<long> _matches;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _notifications;
    private readonly Histogram<double> _sincePublished;
    private readonly Histogram<double> _sinceIngested;
    private readonly Histogram<double> _indexRefresh;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _poison = new(StringComparer.Ordinal);
    private long _indexedTopics;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public AlertsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _fetches = meter.CreateCounter<long>("alerts.feed.fetches", "{fetch}", "Feed fetches by source and outcome (200, 304, error).");
        _fetchedBytes = meter.CreateCounter<long>("alerts.feed.bytes", "By", "Bytes of feed documents downloaded, by source.");
        _entries = meter.CreateCounter<long>("alerts.feed.entries", "{entry}", "Feed entries by source and what intake made of them (new, seen_before, copy_of_known_story, updated, backlog).");
        _matches = meter.CreateCounter<long>("alerts.topic.matches", "{match}", "Articles whose words matched a topic, by topic.");
        _alerts = meter.CreateCounter<long>("alerts.topic.alerts", "{alert}", "Matches that alerted (above the threshold, constraints held), by topic.");
        _notifications = meter.CreateCounter<long>("alerts.notifications", "{notification}", "Delivery outcomes by channel and status (sent, failed, skipped, already_sent).");
        _sincePublished = meter.CreateHistogram<double>("alerts.delivery.since_published", "s", "Time from an article's publication to its alert being sent.");
        _sinceIngested = meter.CreateHistogram<double>("alerts.delivery.since_ingested", "s", "Time from Alerts first seeing an article to its alert being sent.");
        _indexRefresh = meter.CreateHistogram<double>("alerts.topic_index.refresh", "s", "Time to rebuild the topic index after topics changed.");
        meter.CreateObservableGauge("alerts.topic_index.topics", () => Interlocked.Read(ref _indexedTopics), "{topic}", "Topics in the index as last built.");
        meter.CreateObservableGauge(
            "alerts.queue.poison",
            () => _poison.Select(queue => new Measurement<long>(queue.Value, new KeyValuePair<string, object?>("queue", queue.Key))),
            "{message}",
            "Messages parked in each poison queue, as the last health report counted them.");
    }

    /// <summary>The topic index was rebuilt: how many topics it holds and how long it took.</summary>
    public void TopicIndexRebuilt(int topics, TimeSpan took)
    {
        Interlocked.Exchange(ref _indexedTopics, topics);
        _indexRefresh.Record(took.TotalSeconds);
    }

    /// <summary>A health report counted the messages parked in a queue's poison queue.</summary>
    public void PoisonCounted(string queue, long count) => _poison[queue] = count;

    /// <inheritdoc />
    public void FetchCompleted(FeedSource source, FeedFetchResult result, FeedIntakeTally? tally)
    {
        ArgumentNullException.ThrowIfNull(source);
        var outcome = result switch
        {
            FeedFetchResult.NotModified => "304",
            FeedFetchResult.Fetched => "200",
            _ => "error",
        };
        _fetches.Add(1, new("source", source.Id), new("outcome", outcome));
        if (result is FeedFetchResult.Fetched fetched)
        {
            _fetchedBytes.Add(fetched.Body.Length, new KeyValuePair<string, object?>("source", source.Id));
        }

        if (tally is null)
        {
            return;
        }

        foreach (var kind in Enum.GetValues<IntakeOutcome>())
        {
            if (tally[kind] > 0)
            {
                _entries.Add(tally[kind], new("source", source.Id), new("outcome", Name(kind)));
            }
        }
    }

    /// <inheritdoc />
    public void ArticleScored(Article article, IReadOnlyList<TopicMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        foreach (var match in matches)
        {
            _matches.Add(1, new KeyValuePair<string, object?>("topic", match.TopicId));
            if (match.Alert)
            {
                _alerts.Add(1, new KeyValuePair<string, object?>("topic", match.TopicId));
            }
        }
    }

    /// <inheritdoc />
    public void DeliveryRecorded(DeliveryRecord record, bool alreadyDelivered)
    {
        ArgumentNullException.ThrowIfNull(record);
        var status = alreadyDelivered ? "already_sent" : record.Status.ToString().ToLowerInvariant();
        _notifications.Add(1, new("channel", record.Channel.ToString().ToLowerInvariant()), new("status", status));
    }

    /// <inheritdoc />
    public void AlertDelivered(AlertNotification notification, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var channel = new KeyValuePair<string, object?>("channel", notification.Subscriber.Channel.ToString().ToLowerInvariant());
        _sincePublished.Record(Math.Max(0, (at - notification.Article.Published).TotalSeconds), channel);
        if (notification.Article.FirstSeen != default)
        {
            _sinceIngested.Record(Math.Max(0, (at - notification.Article.FirstSeen).TotalSeconds), channel);
        }
    }

    private static string Name(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.New => "new",
        IntakeOutcome.Resumed => "resumed",
        IntakeOutcome.CopyOfKnownStory => "copy_of_known_story",
        IntakeOutcome.SeenBefore => "seen_before",
        IntakeOutcome.Updated => "updated",
        IntakeOutcome.Backlog => "backlog",
        _ => "other",
    };
}
