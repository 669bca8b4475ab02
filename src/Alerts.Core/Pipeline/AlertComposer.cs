using Alerts.Core.Delivery;
using Alerts.Core.Ingestion;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Pipeline;

/// <summary>Puts together what one subscriber receives: the article, why it matched, its other outlets, the way out.</summary>
public sealed class AlertComposer(AlertedArticles articles, SubscriberLinks links)
{
    /// <summary>The notification for a delivery message.</summary>
    public async Task<AlertNotification> ComposeAsync(DeliveryMessage message, Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(subscriber);
        var article = await articles.GetAsync(message.ArticleKey, message.ArticleVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Article {message.ArticleKey} is not in the articles table.");

        var members = await articles.StoryMembersAsync(article, cancellationToken);
        var manage = links.For(subscriber.Id, message.Match.TopicId, article.Key);
        return new AlertNotification(message.AlertId, article, message.Match, subscriber)
        {
            UnsubscribeUrl = manage?.UnsubscribeTopic,
            Links = manage,
            AlsoReportedBy = StoryCopies.AlsoReportedBy(article, members),
        };
    }
}
