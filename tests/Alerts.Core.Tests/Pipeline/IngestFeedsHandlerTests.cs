using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline;

/// <summary>The ingestion timer in memory: at most one fetch per source waits in the queue.</summary>
public sealed class IngestFeedsHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemorySourceStore _sources = new();
    private readonly RecordingQueue<FetchFeedMessage> _queue = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_TicksWhileAFetchIsPending_QueueItOnce()
    {
        // Arrange
        await _sources.UpsertAsync(new FeedSource("wire", new Uri("https://news.example.org/feed")), Ct);
        var handler = Handler();

        // Act: three ticks five minutes apart, none of the fetches has run
        for (var tick = 0; tick < 3; tick++)
        {
            await handler.HandleAsync(Ct);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        // Assert
        Assert.Single(_queue.Sent);
    }

    [Fact]
    public async Task HandleAsync_AfterTheFetchRan_QueuesTheNextOne()
    {
        // Arrange
        await _sources.UpsertAsync(new FeedSource("wire", new Uri("https://news.example.org/feed")), Ct);
        var handler = Handler();
        await handler.HandleAsync(Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var fetched = (await _sources.GetAsync("wire", Ct))!;
        await _sources.UpsertAsync(fetched with { Health = fetched.Health with { LastAttempt = _time.GetUtcNow() } }, Ct);
        _time.Advance(TimeSpan.FromMinutes(4));

        // Act
        await handler.HandleAsync(Ct);

        // Assert
        Assert.Equal(2, _queue.Sent.Count);
    }

    [Fact]
    public async Task HandleAsync_PendingFetchOlderThanTheTimeout_IsTakenForLostAndQueuedAgain()
    {
        // Arrange
        await _sources.UpsertAsync(new FeedSource("wire", new Uri("https://news.example.org/feed")), Ct);
        var handler = Handler();
        await handler.HandleAsync(Ct);

        // Act
        _time.Advance(IngestFeedsHandler.PendingFetchTimeout + TimeSpan.FromSeconds(1));
        await handler.HandleAsync(Ct);

        // Assert
        Assert.Equal(2, _queue.Sent.Count);
    }

    private IngestFeedsHandler Handler() => new(_sources, _queue, _time, NullLogger<IngestFeedsHandler>.Instance);
}
