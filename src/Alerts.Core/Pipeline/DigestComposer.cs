using Alerts.Core.Delivery;
using Alerts.Core.Ingestion;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Core.Text;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Puts a digest together from a subscriber's waiting alerts: each story once (under the best-scoring of the topics
/// it matched, naming the others), with its other outlets and a one-line summary; grouped by topic, best first;
/// past <see cref="MaxItemsPerTopic"/> a topic's items are folded into a count.
/// </summary>
public sealed class DigestComposer(IArticleStore articles, AlertedArticles stories, SubscriberLinks links)
{
    /// <summary>Items shown per topic; the rest are counted ("N more").</summary>
    public const int MaxItemsPerTopic = 10;

    private const int MaxSummaryChars = 200;

    /// <summary>The digest of <paramref name="alerts"/>; null when none of their articles is still stored.</summary>
    public async Task<DigestNotification?> ComposeAsync(string digestId, Subscriber subscriber, IReadOnlyCollection<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(alerts);
        // Each story once: alerts of several topics (or an alert and a later copy's development) share the story key.
        var loaded = new List<(PendingAlert Alert, Articles.Article Article)>();
        foreach (var alert in alerts)
        {
            if (await articles.GetAsync(alert.ArticleKey, cancellationToken) is { } article)
            {
                loaded.Add((alert, article)); // an article removed by retention after a long wait has nothing to show
            }
        }

        var items = new List<DigestItem>();
        foreach (var story in loaded.GroupBy(pair => pair.Article.StoryKey ?? pair.Article.Key, StringComparer.Ordinal))
        {
            var ranked = story.OrderByDescending(pair => pair.Alert.Match.Score).ToList();
            var (best, article) = ranked[0];
            var alsoReportedBy = StoryCopies.AlsoReportedBy(article, await stories.StoryMembersAsync(article, cancellationToken));
            items.Add(new DigestItem(best.AlertId, article, best.Match, alsoReportedBy)
            {
                Summary = OneLine(article.Summary),
                Why = PlainWhy.Line(best.Match), // the outlets are listed by name beside it
                AlsoMatches = [.. ranked.Skip(1).Select(pair => pair.Alert.Match.TopicName).Where(name => name != best.Match.TopicName).Distinct(StringComparer.Ordinal)],
                Development = ranked.All(pair => pair.Alert.Development),
                NewReports = ranked.SelectMany(pair => pair.Alert.NewReportKeys).Distinct(StringComparer.Ordinal).Count(),
                NewestHeadline = ranked.Select(pair => pair.Alert.NewestHeadline).FirstOrDefault(headline => headline is not null),
            });
        }

        if (items.Count == 0)
        {
            return null;
        }

        var topics = items
            .GroupBy(item => item.Match.TopicId, StringComparer.Ordinal)
            .Select(topic =>
            {
                var ordered = topic.OrderByDescending(item => item.Match.Score).ThenByDescending(item => item.Article.Published).ToList();
                return new DigestTopic(topic.Key, ordered[0].Match.TopicName, ordered.Take(MaxItemsPerTopic).ToList(), Math.Max(0, ordered.Count - MaxItemsPerTopic));
            })
            .OrderByDescending(topic => topic.Items[0].Match.Score)
            .ToList();
        var manage = links.For(subscriber.Id);
        return new DigestNotification(digestId, subscriber, topics, alerts.Min(alert => alert.HeldAt), new DeliverySchedule(subscriber).Zone)
        {
            UnsubscribeUrl = manage?.UnsubscribeAll,
            Links = manage,
        };
    }

    /// <summary>The first sentence of a summary, or its first 200 characters.</summary>
    public static string OneLine(string? summary)
    {
        var text = Whitespace.Collapse(summary ?? "");
        var end = text.IndexOf(". ", 40 < text.Length ? 40 : 0, StringComparison.Ordinal);
        if (end is > 0 and < MaxSummaryChars)
        {
            return text[..(end + 1)];
        }

        return text.Length <= MaxSummaryChars ? text : text[..MaxSummaryChars].TrimEnd() + "…";
    }
}
