using Alerts.Core.Queues;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Queue step: scores one article against every topic and enqueues one delivery per (subscriber, alert).
/// Safe to run twice: the delivery ids are derived, and delivery skips what was already sent.
/// </summary>
public sealed class ScoreArticleHandler(
    IArticleStore articles,
    IArticleScorer scorer,
    ISubscriberStore subscribers,
    IMessageQueue<DeliveryMessage> deliveryQueue,
    PipelineObservers observer,
    Workbench.FeedbackModels feedback,
    TimeProvider time,
    ILogger<ScoreArticleHandler> logger)
{
    /// <summary>Handles one <see cref="ScoreArticleMessage"/>; returns the number of deliveries enqueued.</summary>
    public async Task<int> HandleAsync(ScoreArticleMessage message, CancellationToken cancellationToken)
    {
        // A missing article means the message outlived its data: fail so it ends in the poison queue for inspection.
        var article = await articles.GetAsync(message.ArticleKey, cancellationToken)
            ?? throw new InvalidOperationException($"Article {message.ArticleKey} is not in the articles table.");

        var matches = await feedback.ApplyAsync(article, await scorer.ScoreAsync(article, cancellationToken), cancellationToken);
        observer.ArticleScored(article, matches);

        var enqueued = 0;
        foreach (var match in matches)
        {
            await foreach (var subscription in subscribers.ListSubscriptionsAsync(match.TopicId, cancellationToken))
            {
                // A subscriber's own threshold moves the bar; the topic's constraints still have to hold.
                var alerts = subscription.Threshold is { } threshold ? match.ConstraintsHold && match.Score >= threshold : match.Alert;
                if (!alerts || subscription.MutedUntil > time.GetUtcNow())
                {
                    continue;
                }

                var alertId = AlertIdFor(message.StoryKey ?? article.Key, match.TopicId, subscription.SubscriberId);
                await deliveryQueue.EnqueueAsync(
                    new DeliveryMessage(alertId, article.Key, subscription.SubscriberId, match) { ArticleVersion = VersionOf(article) },
                    null,
                    cancellationToken);
                enqueued++;
            }
        }

        logger.LogInformation(
            "Scored article {ArticleKey}: {Candidates} candidate topics, {Alerting} alerting, {Deliveries} deliveries",
            article.Key, matches.Count, matches.Count(m => m.Alert), enqueued);
        return enqueued;
    }

    /// <summary>A short hash of what a reader sees of an article: its headline and summary.</summary>
    public static string VersionOf(Articles.Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return ShortHash.Of($"{article.Title}\n{article.Summary}", 8);
    }

    /// <summary>
    /// The idempotency key of one alert: the same story (its first article's key), topic and subscriber always give the
    /// same id, whichever copy of the story is being scored.
    /// </summary>
    public static string AlertIdFor(string storyKey, string topicId, string subscriberId) =>
        ShortHash.Of($"{storyKey}|{topicId}|{subscriberId}", 16);
}
