using System.Text.Json.Serialization;
using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Channels;

/// <summary>The JSON body of a generic webhook alert (camelCase). Version 1 of the contract documented in docs/channels.md.</summary>
/// <param name="Type">Always <c>alert</c>.</param>
/// <param name="Version">Contract version, 1.</param>
/// <param name="AlertId">Stable id of (article, topic, subscriber); also sent as <c>Idempotency-Key</c>.</param>
/// <param name="SubscriberId">The receiving subscriber.</param>
/// <param name="SentAt">When this attempt was signed.</param>
/// <param name="Topic">The topic that matched.</param>
/// <param name="Score">Relevance in [0, 1].</param>
/// <param name="Evidence">Why it matched.</param>
/// <param name="Article">The article.</param>
/// <param name="AlsoReportedBy">Other outlets carrying the same story.</param>
/// <param name="UnsubscribeUrl">One-click unsubscribe link, when configured.</param>
public sealed record WebhookAlertPayload(
    string Type,
    int Version,
    string AlertId,
    string SubscriberId,
    DateTimeOffset SentAt,
    WebhookTopic Topic,
    double Score,
    IReadOnlyList<WebhookEvidence> Evidence,
    WebhookArticle Article,
    IReadOnlyList<WebhookRelatedSource> AlsoReportedBy,
    string? UnsubscribeUrl)
{
    /// <summary>Why it matched, in a reader's words ("Turkey involved · Kabul, Afghanistan · “troops” in the headline").</summary>
    public string? Why { get; init; }

    /// <summary>The subscriber's signed links (preferences, mute, unsubscribe), when configured.</summary>
    public WebhookLinks? Links { get; init; }

    /// <summary>Evidence items beyond this are dropped to bound the payload.</summary>
    public const int MaxEvidence = 50;

    /// <summary>Builds the payload for one alert.</summary>
    public static WebhookAlertPayload From(AlertNotification notification, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var article = notification.Article;
        var match = notification.Match;
        return new WebhookAlertPayload(
            "alert",
            1,
            notification.AlertId,
            notification.Subscriber.Id,
            sentAt,
            new WebhookTopic(match.TopicId, match.TopicName),
            match.Score,
            [.. match.Evidence.Take(MaxEvidence).Select(e => new WebhookEvidence(e.Kind, e.Description, e.Snippet) { Plain = e.Plain })],
            WebhookArticle.Of(article),
            [.. notification.AlsoReportedBy.Select(r => new WebhookRelatedSource(r.Name, r.Link))],
            notification.UnsubscribeUrl?.AbsoluteUri)
        {
            Why = Alerts.Core.Scoring.PlainWhy.Line(match, notification.AlsoReportedBy.Count),
            Links = WebhookLinks.From(notification.Links),
        };
    }
}

/// <summary>A message's signed links, as absolute URLs.</summary>
public sealed record WebhookLinks(string Preferences, string UnsubscribeAll, string? UnsubscribeTopic, string? MuteDay, string? MuteWeek)
{
    /// <summary>"Not relevant" feedback on the alerted article.</summary>
    public string? NotRelevant { get; init; }

    /// <summary>"More like this" feedback on the alerted article.</summary>
    public string? MoreLikeThis { get; init; }

    /// <summary>The links, or null when there are none.</summary>
    public static WebhookLinks? From(Alerts.Core.Subscriptions.ManageLinks? links) => links is null
        ? null
        : new(links.Preferences.AbsoluteUri, links.UnsubscribeAll.AbsoluteUri, links.UnsubscribeTopic?.AbsoluteUri, links.MuteDay?.AbsoluteUri, links.MuteWeek?.AbsoluteUri)
        {
            NotRelevant = links.NotRelevant?.AbsoluteUri,
            MoreLikeThis = links.MoreLikeThis?.AbsoluteUri,
        };
}

/// <summary>The topic of a webhook alert.</summary>
public sealed record WebhookTopic(string Id, string Name);

/// <summary>One reason for the match; <c>Snippet</c> marks matched words with «guillemets».</summary>
public sealed record WebhookEvidence(string Kind, string Description, string? Snippet)
{
    /// <summary>The same reason in a reader's words, when it is one a reader needs.</summary>
    public string? Plain { get; init; }
}

/// <summary>The article of a webhook alert.</summary>
public sealed record WebhookArticle(
    string Key,
    string SourceId,
    string? SourceName,
    string Title,
    string? Link,
    string? Summary,
    DateTimeOffset Published,
    IReadOnlyList<string> Authors)
{
    /// <summary>The sections the source filed it under (empty when it gave none).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>What a receiver is told of a stored article.</summary>
    public static WebhookArticle Of(Alerts.Core.Articles.Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Key, article.SourceId, article.SourceName, article.Title, article.Link, article.Summary, article.Published, article.Authors)
        {
            Categories = article.Categories,
        };
    }
}

/// <summary>Another outlet with the same story.</summary>
public sealed record WebhookRelatedSource(string Name, string? Link);

/// <summary>Source-generated serialisation of the webhook contract.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WebhookAlertPayload))]
[JsonSerializable(typeof(WebhookDigestPayload))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;

/// <summary>The JSON body of a webhook digest (camelCase), version 1, documented in docs/channels.md.</summary>
/// <param name="Type">Always <c>digest</c>.</param>
/// <param name="Version">Contract version, 1.</param>
/// <param name="DigestId">Stable id of the digest; also sent as <c>Idempotency-Key</c>.</param>
/// <param name="SubscriberId">The receiving subscriber.</param>
/// <param name="SentAt">When this attempt was signed.</param>
/// <param name="TimeZone">The subscriber's time zone, in which <c>localTime</c> fields are given.</param>
/// <param name="AlertCount">Alerts in the digest, shown or folded.</param>
/// <param name="Topics">Topics with their items, best first.</param>
/// <param name="UnsubscribeUrl">One-click unsubscribe link, when configured.</param>
public sealed record WebhookDigestPayload(
    string Type,
    int Version,
    string DigestId,
    string SubscriberId,
    DateTimeOffset SentAt,
    string TimeZone,
    int AlertCount,
    IReadOnlyList<WebhookDigestTopic> Topics,
    string? UnsubscribeUrl)
{
    /// <summary>The subscriber's signed links (preferences, unsubscribe), when configured.</summary>
    public WebhookLinks? Links { get; init; }

    /// <summary>Builds the payload for one digest.</summary>
    public static WebhookDigestPayload From(DigestNotification digest, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new WebhookDigestPayload(
            "digest",
            1,
            digest.DigestId,
            digest.Subscriber.Id,
            sentAt,
            digest.TimeZone.Id,
            digest.AlertCount,
            [.. digest.Topics.Select(topic => new WebhookDigestTopic(
                topic.TopicId,
                topic.TopicName,
                topic.Folded,
                [.. topic.Items.Select(item => new WebhookDigestItem(
                    item.AlertId,
                    item.Match.Score,
                    item.Why,
                    item.Summary,
                    DigestView.LocalTime(item.Article.Published, digest.TimeZone),
                    WebhookArticle.Of(item.Article),
                    [.. item.AlsoReportedBy.Select(r => new WebhookRelatedSource(r.Name, r.Link))],
                    item.AlsoMatches,
                    item.Development,
                    item.NewReports,
                    item.NewestHeadline))]))],
            digest.UnsubscribeUrl?.AbsoluteUri)
        {
            Links = WebhookLinks.From(digest.Links),
        };
    }
}

/// <summary>A topic's part of a webhook digest; <c>folded</c> counts its items left out.</summary>
public sealed record WebhookDigestTopic(string Id, string Name, int Folded, IReadOnlyList<WebhookDigestItem> Items);

/// <summary>One story of a webhook digest.</summary>
public sealed record WebhookDigestItem(
    string AlertId,
    double Score,
    string Why,
    string Summary,
    string LocalTime,
    WebhookArticle Article,
    IReadOnlyList<WebhookRelatedSource> AlsoReportedBy,
    IReadOnlyList<string> AlsoMatches,
    bool Developing,
    int NewReports,
    string? NewestHeadline);
