using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>The local host's queue trigger behaves as the Functions host's does: leases renewed, batches refilled.</summary>
public sealed class LocalHostQueueTests(AzuriteFixture azurite)
{
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;

    [Fact]
    public async Task QueueTrigger_FunctionSlowerThanTheMessageLease_RenewsItAndRunsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new FakeLogCollector();
        await using var app = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["AlertsLocalHost:MessageLease"] = "00:00:02", ["Alerts:DeliverySendDeadline"] = "00:00:10" },
            configureServices: services => services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs))));
        await app.SeedSubscribersAsync(Topic, ct);
        app.Webhooks.Enqueue(SinkResponse.Accepted() with { Delay = TimeSpan.FromSeconds(5) });

        await app.Services.GetRequiredService<IMessageQueue<DeliveryMessage>>().EnqueueAsync(await DeliveryToAsync(app, "teams-room", 1, ct), null, ct);
        await app.WaitIdleAsync(ct);

        Assert.Single(app.Webhooks.Requests);
        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Level >= LogLevel.Warning && record.Message.Contains("could not be deleted", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Message.Contains("another instance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueueTrigger_OneSlowMessage_DoesNotHoldBackTheNextBatch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, new Dictionary<string, string?> { ["Alerts:DeliverySendDeadline"] = "00:00:30" });
        await app.SeedSubscribersAsync(Topic, ct);
        var deliveries = app.Services.GetRequiredService<IMessageQueue<DeliveryMessage>>();
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        app.Webhooks.Enqueue(SinkResponse.Accepted() with { Delay = TimeSpan.FromSeconds(20) });
        var slow = await DeliveryToAsync(app, "teams-room", 1, ct);
        await deliveries.EnqueueAsync(slow, null, ct);
        await app.Webhooks.WaitForRequestsAsync(1, TimeSpan.FromSeconds(30), ct);

        // Arrive while the slow one runs: the host must fetch them without waiting for it.
        for (var i = 2; i <= 4; i++)
        {
            await deliveries.EnqueueAsync(await DeliveryToAsync(app, "teams-room", i, ct), null, ct);
        }

        await app.Webhooks.WaitForRequestsAsync(4, TimeSpan.FromSeconds(30), ct);
        var slowWhenTheOthersArrived = await store.GetAsync("teams-room", slow.AlertId, ct);
        await app.WaitIdleAsync(ct);

        Assert.Equal(DeliveryStatus.Sending, slowWhenTheOthersArrived!.Status);
        Assert.Equal(DeliveryStatus.Sent, (await store.GetAsync("teams-room", slow.AlertId, ct))!.Status);
    }

    private static async Task<DeliveryMessage> DeliveryToAsync(PipelineHarness app, string subscriberId, int story, CancellationToken ct)
    {
        var article = new Article(
            $"u{story:D32}", "wire", "Turkish troops arrive in Kabul", $"https://news.example.org/{story}",
            "Turkish troops arrived in Kabul on Monday to guard the airport for the NATO-led force.", null, DateTimeOffset.UtcNow);
        await app.Services.GetRequiredService<IArticleStore>().AdmitAsync(article, ct);
        var match = (await app.Services.GetRequiredService<IArticleScorer>().ScoreAsync(article, ct)).Single(m => m.TopicId == Topic.Id);
        return new DeliveryMessage(ScoreArticleHandler.AlertIdFor(article.Key, Topic.Id, subscriberId), article.Key, subscriberId, match);
    }
}
