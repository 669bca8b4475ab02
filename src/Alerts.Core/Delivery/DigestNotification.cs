using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>
/// One digest for one subscriber: their waiting alerts grouped by topic, ranked by score, each story once.
/// </summary>
/// <param name="DigestId">Stable id: the idempotency key of the digest's delivery.</param>
/// <param name="Subscriber">Who receives it.</param>
/// <param name="Topics">Topics with their items, the topic of the best item first.</param>
/// <param name="Since">When the oldest alert in it was held.</param>
/// <param name="TimeZone">The subscriber's time zone: every time in the digest is shown in it.</param>
public sealed record DigestNotification(string DigestId, Subscriber Subscriber, IReadOnlyList<DigestTopic> Topics, DateTimeOffset Since, TimeZoneInfo TimeZone)
{
    /// <summary>One-click unsubscribe link (RFC 8058): stops everything. Null without a public base URL.</summary>
    public Uri? UnsubscribeUrl { get; init; }

    /// <summary>The subscriber's signed links (preferences, unsubscribe), when a public base URL is configured.</summary>
    public ManageLinks? Links { get; init; }

    /// <summary>Alerts in the digest, shown or folded.</summary>
    public int AlertCount => Topics.Sum(topic => topic.Items.Count + topic.Folded);

    /// <summary>Alerts not shown (beyond each topic's limit), counted in "N more".</summary>
    public int Folded => Topics.Sum(topic => topic.Folded);
}

/// <summary>A topic's part of a digest.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="TopicName">Its name.</param>
/// <param name="Items">Its items shown, best first.</param>
/// <param name="Folded">Its items not shown.</param>
public sealed record DigestTopic(string TopicId, string TopicName, IReadOnlyList<DigestItem> Items, int Folded);

/// <summary>One story in a digest.</summary>
/// <param name="AlertId">The alert it settles.</param>
/// <param name="Article">The article.</param>
/// <param name="Match">Why it matched.</param>
/// <param name="AlsoReportedBy">Other outlets with the same story.</param>
public sealed record DigestItem(string AlertId, Article Article, TopicMatch Match, IReadOnlyList<RelatedSource> AlsoReportedBy)
{
    /// <summary>What the story says, in one line.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Why it matched, in words.</summary>
    public string Why { get; init; } = "";

    /// <summary>Other topics of the subscriber's the same story matched (it is shown once, under the best).</summary>
    public IReadOnlyList<string> AlsoMatches { get; init; } = [];

    /// <summary>A story alerted before that has developed: "developing: N new reports since your alert".</summary>
    public bool Development { get; init; }

    /// <summary>Later reports of the story since it was alerted or held.</summary>
    public int NewReports { get; init; }

    /// <summary>The newest later report's headline.</summary>
    public string? NewestHeadline { get; init; }
}
