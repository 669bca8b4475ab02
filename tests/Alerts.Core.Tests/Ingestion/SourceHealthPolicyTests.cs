using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;

namespace Alerts.Core.Tests.Ingestion;

public sealed class SourceHealthPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly SourceHealthPolicy policy = new(new SourceBackoff
    {
        BaseDelay = TimeSpan.FromMinutes(2),
        MaxDelay = TimeSpan.FromHours(1),
        MaxRetryAfter = TimeSpan.FromHours(12),
    });

    [Fact]
    public void Next_Fetched_ClearsFailures()
    {
        // Arrange
        var previous = new SourceHealth { ConsecutiveFailures = 4, LastError = "HTTP 500", NotBefore = Now.AddHours(1) };
        var fetched = new FeedFetchResult.Fetched(new byte[10], "application/rss+xml", FeedValidators.None, new Uri("https://feeds.example/rss"));

        // Act
        var next = policy.Next(previous, fetched, Now, "200 12 items (3 new)");

        // Assert
        Assert.Equal(0, next.ConsecutiveFailures);
        Assert.Null(next.LastError);
        Assert.Null(next.NotBefore);
        Assert.Equal(Now, next.LastSuccess);
        Assert.Equal(Now, next.LastAttempt);
        Assert.Equal("200 12 items (3 new)", next.LastResult);
    }

    [Fact]
    public void Next_NotModified_CountsAsSuccess()
    {
        // Act
        var next = policy.Next(new SourceHealth { ConsecutiveFailures = 1 }, new FeedFetchResult.NotModified(), Now);

        // Assert
        Assert.Equal(0, next.ConsecutiveFailures);
        Assert.Equal("304 not modified", next.LastResult);
        Assert.True(SourceHealthPolicy.IsDue(next, Now));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(40, 60)]
    [InlineData(int.MaxValue - 1, 60)]
    public void Next_ConsecutiveFailures_ExponentialBackoffCapped(int failuresBefore, int expectedMinutes)
    {
        // Arrange
        var previous = new SourceHealth { ConsecutiveFailures = failuresBefore - 1, LastSuccess = Now.AddDays(-1) };

        // Act
        var next = policy.Next(previous, new FeedFetchResult.Failed("HTTP 500 Internal Server Error", 500), Now);

        // Assert
        Assert.Equal(failuresBefore, next.ConsecutiveFailures);
        Assert.Equal(Now.AddMinutes(expectedMinutes), next.NotBefore);
        Assert.Equal("HTTP 500 Internal Server Error", next.LastError);
        Assert.Equal(Now.AddDays(-1), next.LastSuccess);
        Assert.False(SourceHealthPolicy.IsDue(next, Now.AddMinutes(expectedMinutes).AddSeconds(-1)));
        Assert.True(SourceHealthPolicy.IsDue(next, Now.AddMinutes(expectedMinutes)));
    }

    [Fact]
    public void Next_RetryAfter_UsedInsteadOfBackoff()
    {
        // Act
        var next = policy.Next(SourceHealth.Unknown, new FeedFetchResult.Failed("HTTP 429", 429, TimeSpan.FromMinutes(17)), Now);

        // Assert
        Assert.Equal(Now.AddMinutes(17), next.NotBefore);
        Assert.Equal(1, next.ConsecutiveFailures);
    }

    [Fact]
    public void Next_HugeRetryAfter_Capped()
    {
        // Act
        var next = policy.Next(SourceHealth.Unknown, new FeedFetchResult.Failed("HTTP 503", 503, TimeSpan.FromDays(3650)), Now);

        // Assert
        Assert.Equal(Now.AddHours(12), next.NotBefore);
    }

    [Fact]
    public void Unusable_BadBody_CountsAsFailure()
    {
        // Act
        var next = policy.Unusable(SourceHealth.Unknown, "not a feed: unexpected root element <html>", Now);

        // Assert
        Assert.Equal(1, next.ConsecutiveFailures);
        Assert.Equal(Now.AddMinutes(2), next.NotBefore);
        Assert.Contains("<html>", next.LastError, StringComparison.Ordinal);
    }
}
