using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>The sources table on Azurite: a queued fetch is marked once, and only while none is pending.</summary>
public sealed class SourceStoreTests(AzuriteFixture azurite)
{
    private static Task<bool> MarkAsync(ISourceStore sources, DateTimeOffset queuedAt, DateTimeOffset givenUpBefore, CancellationToken ct, string id = "wire") =>
        sources.UpdateAsync(id, s => s.HasPendingFetch(givenUpBefore) ? null : s with { FetchQueuedAt = queuedAt }, ct).ContinueWith(t => t.Result is not null, TaskScheduler.Default);

    [Fact]
    public async Task UpdateAsync_MarksAQueuedFetchOncePerPendingFetch_AgainAfterItRan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var sources = app.Services.GetRequiredService<ISourceStore>();
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        await sources.UpsertAsync(new FeedSource("wire", new Uri("https://news.example.org/feed")), ct);

        var first = await MarkAsync(sources, now, now.AddMinutes(-15), ct);
        var whilePending = await MarkAsync(sources, now.AddMinutes(5), now.AddMinutes(-10), ct);
        var source = (await sources.GetAsync("wire", ct))!;
        await sources.UpsertAsync(source with { Health = source.Health with { LastAttempt = now.AddMinutes(6) } }, ct);
        var afterTheFetch = await MarkAsync(sources, now.AddMinutes(10), now.AddMinutes(-5), ct);
        var unknown = await MarkAsync(sources, now, now, ct, "nobody");

        Assert.True(first);
        Assert.False(whilePending);
        Assert.True(afterTheFetch);
        Assert.False(unknown);
        Assert.Equal(now.AddMinutes(10), (await sources.GetAsync("wire", ct))!.FetchQueuedAt);
    }
}
