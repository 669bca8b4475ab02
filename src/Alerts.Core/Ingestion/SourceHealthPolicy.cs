using Alerts.Core.Feeds;

namespace Alerts.Core.Ingestion;

/// <summary>Back-off settings for sources that fail.</summary>
public sealed record SourceBackoff
{
    /// <summary>Wait after the first failure; doubled for each further consecutive failure.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest back-off after repeated failures.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Longest wait a server's Retry-After may impose, so a hostile or broken header cannot silence a source for years.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The defaults.</summary>
    public static SourceBackoff Default { get; } = new();
}

/// <summary>
/// Computes a source's next health from its previous health and the outcome of a fetch. Pure and deterministic
/// (no jitter, time passed in) so that the timer that schedules fetches and the tests agree on every value.
/// </summary>
public sealed class SourceHealthPolicy(SourceBackoff backoff)
{
    /// <summary>A policy with the default back-off.</summary>
    public SourceHealthPolicy()
        : this(SourceBackoff.Default)
    {
    }

    /// <summary>The health after <paramref name="result"/> happened at <paramref name="now"/>.</summary>
    /// <param name="previous">Health before the fetch.</param>
    /// <param name="result">What the fetch produced.</param>
    /// <param name="now">When the fetch finished.</param>
    /// <param name="summary">Optional description of a success for ops, e.g. <c>200 12 items (3 new)</c>.</param>
    public SourceHealth Next(SourceHealth previous, FeedFetchResult result, DateTimeOffset now, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            FeedFetchResult.Failed failed => Failure(previous, failed, now),
            FeedFetchResult.NotModified => Success(previous, now, summary ?? "304 not modified"),
            FeedFetchResult.Fetched fetched => Success(previous, now, summary ?? $"200 {fetched.Body.Length} bytes"),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown fetch result."),
        };
    }

    /// <summary>The health after the fetch succeeded but its body could not be used (e.g. not a feed): counted as a failure.</summary>
    public SourceHealth Unusable(SourceHealth previous, string error, DateTimeOffset now) =>
        Failure(previous, new FeedFetchResult.Failed(error), now);

    /// <summary>Whether the source may be fetched at <paramref name="now"/>.</summary>
    public static bool IsDue(SourceHealth health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.NotBefore is not { } notBefore || notBefore <= now;
    }

    /// <summary>Exponential back-off for the given number of consecutive failures (1 = first failure).</summary>
    public TimeSpan BackoffFor(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^(n-1) overflows long before the cap matters, so stop doubling once past it.
        var delay = backoff.BaseDelay;
        for (var i = 1; i < consecutiveFailures && delay < backoff.MaxDelay; i++)
        {
            delay += delay;
        }

        return delay > backoff.MaxDelay ? backoff.MaxDelay : delay;
    }

    private static SourceHealth Success(SourceHealth previous, DateTimeOffset now, string summary) => previous with
    {
        LastAttempt = now,
        LastSuccess = now,
        ConsecutiveFailures = 0,
        LastResult = summary,
        LastError = null,
        NotBefore = null,
    };

    private SourceHealth Failure(SourceHealth previous, FeedFetchResult.Failed failed, DateTimeOffset now)
    {
        var failures = previous.ConsecutiveFailures + 1;
        var wait = failed.RetryAfter is { } retryAfter
            ? (retryAfter > backoff.MaxRetryAfter ? backoff.MaxRetryAfter : retryAfter)
            : BackoffFor(failures);
        return previous with
        {
            LastAttempt = now,
            ConsecutiveFailures = failures,
            LastResult = failed.StatusCode is int status ? $"{status} failed" : "failed",
            LastError = failed.Error,
            NotBefore = now + wait,
        };
    }
}
