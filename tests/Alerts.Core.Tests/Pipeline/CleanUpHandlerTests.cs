using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline;

public sealed class CleanUpHandlerTests
{
    [Fact]
    public async Task RunAsync_EachKindRemovedBeforeItsOwnWindow()
    {
        // Arrange
        var now = new DateTimeOffset(2026, 12, 1, 3, 40, 0, TimeSpan.Zero);
        var store = new RecordingRetention();
        var options = new AlertsOptions { ArticleRetention = TimeSpan.FromDays(20), DeliveryRetention = TimeSpan.FromDays(60) };
        var handler = new CleanUpHandler(store, Options.Create(options), new StoryIndexOptions { Window = TimeSpan.FromDays(3) }, new FakeTimeProvider(now), NullLogger<CleanUpHandler>.Instance);

        // Act
        var result = await handler.RunAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(now.AddDays(-20), store.Cutoffs["articles"]);
        Assert.Equal(now.AddDays(-20), store.Cutoffs["copies"]);
        Assert.Equal(now.AddDays(-6), store.Cutoffs["fingerprints"]);
        Assert.Equal(now.AddDays(-60), store.Cutoffs["deliveries"]);
        Assert.Equal(now.AddDays(-3), store.Cutoffs["sendcounts"]);
        Assert.Equal(now.AddDays(-14), store.Cutoffs["recent"]);
        Assert.Equal(new CleanUpResult(1, 2, 3, 4) { SendCounts = 5, RecentArticles = 6 }, result);
    }

    private sealed class RecordingRetention : IRetentionStore
    {
        public Dictionary<string, DateTimeOffset> Cutoffs { get; } = [];

        public Task<int> RemoveArticlesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Record("articles", cutoff, 1);

        public Task<int> RemoveStoryCopiesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Record("copies", cutoff, 2);

        public Task<int> RemoveStoryFingerprintsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Record("fingerprints", cutoff, 3);

        public Task<int> RemoveDeliveriesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Record("deliveries", cutoff, 4);

        public Task<int> RemoveRecentArticlesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Record("recent", cutoff, 6);

        public Task<int> RemoveSendCountsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Record("sendcounts", cutoff, 5);

        private Task<int> Record(string kind, DateTimeOffset cutoff, int removed)
        {
            Cutoffs[kind] = cutoff;
            return Task.FromResult(removed);
        }
    }
}
