using Alerts.Core.Scoring;

namespace Alerts.Core.Pipeline;

/// <summary>
/// An alert waiting for a subscriber's digest: held by their cadence, their quiet hours or their daily cap, until
/// <see cref="DueAt"/>. A digest takes it by writing its own id into <see cref="DigestId"/> (conditionally, so no two
/// digests take the same alert) and removes it once sent.
/// </summary>
/// <param name="SubscriberId">Who it is for.</param>
/// <param name="AlertId">The alert (story, topic, subscriber).</param>
/// <param name="ArticleKey">The article that matched.</param>
/// <param name="Match">Why it matched.</param>
/// <param name="DueAt">When it may go out.</param>
/// <param name="Reason">Why it waits, in words ("daily digest", "quiet hours").</param>
public sealed record PendingAlert(string SubscriberId, string AlertId, string ArticleKey, TopicMatch Match, DateTimeOffset DueAt, string Reason)
{
    /// <summary>When it was held.</summary>
    public DateTimeOffset HeldAt { get; init; }

    /// <summary>The digest that took it; null while it waits.</summary>
    public string? DigestId { get; init; }

    /// <summary>When the digest took it.</summary>
    public DateTimeOffset? TakenAt { get; init; }

    /// <summary>
    /// A development of a story already alerted (more outlets, an updated version) rather than an alert: the digest
    /// says "developing" instead of alerting again.
    /// </summary>
    public bool Development { get; init; }

    /// <summary>Later reports of the same story (their article keys: a redelivered copy counts once).</summary>
    public IReadOnlyList<string> NewReportKeys { get; init; } = [];

    /// <summary>The newest of those reports' headline.</summary>
    public string? NewestHeadline { get; init; }
}

/// <summary>Alerts waiting for digests, partitioned by subscriber.</summary>
public interface IPendingAlertStore
{
    /// <summary>One waiting alert, or null.</summary>
    Task<PendingAlert?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken);

    /// <summary>Adds the alert unless it is already waiting (a redelivered message holds it once).</summary>
    Task AddAsync(PendingAlert alert, CancellationToken cancellationToken);

    /// <summary>Every waiting alert due by <paramref name="dueBy"/>, across subscribers (the digest timer's scan).</summary>
    IAsyncEnumerable<PendingAlert> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken);

    /// <summary>Every waiting alert of one subscriber.</summary>
    IAsyncEnumerable<PendingAlert> ListAsync(string subscriberId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the alert to a digest if no other digest has it (atomically: of two digests, one wins); true when it is
    /// this digest's now or already was.
    /// </summary>
    Task<bool> TryTakeAsync(PendingAlert alert, string digestId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replaces a waiting alert's record (a development noted), unless a digest took it meanwhile.</summary>
    Task<bool> TryUpdateWaitingAsync(PendingAlert alert, CancellationToken cancellationToken);

    /// <summary>Removes a waiting alert (sent in its digest, or no longer wanted).</summary>
    Task RemoveAsync(string subscriberId, string alertId, CancellationToken cancellationToken);
}
