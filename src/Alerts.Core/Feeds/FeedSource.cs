namespace Alerts.Core.Feeds;

/// <summary>A registered feed that Alerts polls, with what it needs for polite conditional fetching and ops health.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Url">Where the feed is fetched from; permanent redirects update it.</param>
public sealed record FeedSource(string Id, Uri Url)
{
    /// <summary>Display name shown in alerts.</summary>
    public string? Name { get; init; }

    /// <summary>Fetch each article page and extract its main text when the feed only carries teasers.</summary>
    public bool FetchFullText { get; init; }

    /// <summary>Whole-fetch time budget for this source; null uses the configured default.</summary>
    public TimeSpan? FetchTimeout { get; init; }

    /// <summary>
    /// When the source was registered. Items it already carried (published more than
    /// <see cref="AlertsOptions.NewSourceBacklogGrace"/> before) are stored but do not alert, so adding a feed does not
    /// flood subscribers with its backlog. Null: every new item may alert.
    /// </summary>
    public DateTimeOffset? AddedAt { get; init; }

    /// <summary>Validators of the last successful response, sent back independently on the next fetch.</summary>
    public FeedValidators Validators { get; init; } = FeedValidators.None;

    /// <summary>Health of the last fetches, for ops.</summary>
    public SourceHealth Health { get; init; } = SourceHealth.Unknown;

    /// <summary>When the timer last queued a fetch of this source.</summary>
    public DateTimeOffset? FetchQueuedAt { get; init; }

    /// <summary>
    /// Whether a fetch queued for this source has not run yet: queued after the last attempt, and recently enough
    /// (after <paramref name="givenUpBefore"/>) that its message cannot have been lost.
    /// </summary>
    public bool HasPendingFetch(DateTimeOffset givenUpBefore) =>
        FetchQueuedAt is { } queued && queued > givenUpBefore && queued > (Health.LastAttempt ?? DateTimeOffset.MinValue);
}

/// <summary>HTTP cache validators: ETag and Last-Modified are stored and sent separately.</summary>
public sealed record FeedValidators(string? ETag, string? LastModified)
{
    /// <summary>No validators yet: the next fetch is unconditional.</summary>
    public static FeedValidators None { get; } = new(null, null);
}

/// <summary>Outcome history of a source, shown to operators.</summary>
public sealed record SourceHealth
{
    /// <summary>No fetch yet.</summary>
    public static SourceHealth Unknown { get; } = new();

    /// <summary>Last time the source answered with a feed or 304.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>Last fetch attempt.</summary>
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>Failures since the last success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Short description of the last outcome, e.g. <c>200 12 items (3 new)</c> or <c>304 not modified</c>.</summary>
    public string? LastResult { get; init; }

    /// <summary>The last error, cleared by a success.</summary>
    public string? LastError { get; init; }

    /// <summary>Do not fetch before this time (Retry-After or exponential backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
