using Alerts.Core.Scoring;

namespace Alerts.Core.Queues;

/// <summary>On <c>feeds-to-fetch</c>: one source to fetch.</summary>
public sealed record FetchFeedMessage(string SourceId)
{
    /// <summary>When the timer asked for this fetch; a fetch that ran since makes the message stale.</summary>
    public DateTimeOffset? QueuedAt { get; init; }
}

/// <summary>
/// On <c>articles</c>: one ingested article to score. Only the key travels: the article itself is in the
/// articles table, because bodies can exceed the 64 KiB queue message limit.
/// </summary>
public sealed record ScoreArticleMessage(string ArticleKey)
{
    /// <summary>
    /// For another outlet's copy of a story: the story's key (its first article). Alerts are keyed on the story, so a
    /// copy reaches only subscribers the story has not reached yet (a richer copy can alert where a teaser could not).
    /// </summary>
    public string? StoryKey { get; init; }
}

/// <summary>On <c>deliveries</c>: one (subscriber, alert) to deliver.</summary>
/// <param name="AlertId">Stable id of (article, topic, subscriber).</param>
/// <param name="ArticleKey">The article.</param>
/// <param name="SubscriberId">The subscriber.</param>
/// <param name="Match">The match to explain.</param>
public sealed record DeliveryMessage(string AlertId, string ArticleKey, string SubscriberId, TopicMatch Match)
{
    /// <summary>When the first send was tried; retries stop once the retry budget since then is spent.</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>
    /// Which version of the article was scored (a short hash of its headline and summary): an updated article keeps
    /// its key, and this tells a new version of an alerted story from a redelivered message.
    /// </summary>
    public string? ArticleVersion { get; init; }
}

/// <summary>
/// On <c>digests</c>: one digest to send to one subscriber: every alert of theirs due by <see cref="DueBy"/> that no
/// other digest has taken, plus those this digest already took (after a crash, the redelivered message sends them).
/// </summary>
/// <param name="SubscriberId">The subscriber.</param>
/// <param name="DigestId">Stable id of the digest: the idempotency key of its delivery.</param>
/// <param name="DueBy">Alerts due by this instant belong to it.</param>
public sealed record DigestMessage(string SubscriberId, string DigestId, DateTimeOffset DueBy);
