using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>
/// What reaches the logs in a run of the whole pipeline, failures included: ids (subscribers' hashed), never an e-mail address,
/// a webhook or Teams URL, a signing secret or a feed's token.
/// </summary>
public sealed class LogHygieneTests(AzuriteFixture azurite)
{
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;

    [Fact]
    public async Task PipelineRun_WithFailuresAndRetries_LogsNoAddressUrlOrSecret()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new FakeLogCollector();
        await using var app = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Alerts:DeliveryRetryBudget"] = "01:00:00" },
            configureServices: services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs))));
        const string secret = "hygiene-signing-secret-7f3a";
        var hook = app.Webhooks.Url("private/hooks/in/a8f3c2d9?sig=Zx81kQp0wTOKEN").AbsoluteUri;
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        await app.Services.GetRequiredService<Alerts.Core.Pipeline.ITopicStore>().UpsertAsync(Topic, ct);
        var subscribers = app.Services.GetRequiredService<Alerts.Core.Pipeline.ISubscriberStore>();
        await subscribers.UpsertAsync(new Subscriber("mail-reader", "Reader", ChannelKind.Email, "private.reader@example.org"), ct);
        await subscribers.UpsertAsync(new Subscriber("hook", "Hook", ChannelKind.Webhook, hook) { Secret = secret }, ct);
        await subscribers.UpsertSubscriptionAsync(new Subscription(Topic.Id, "mail-reader"), ct);
        await subscribers.UpsertSubscriptionAsync(new Subscription(Topic.Id, "hook"), ct);
        await app.AddSourceAsync(new FeedSource("wire", new Uri(feed.Url.AbsoluteUri + "?token=feed-token-5d2e")), ct);
        app.Webhooks.Enqueue(SinkResponse.TooManyRequests(1));

        await app.IngestAndWaitAsync(ct);

        var text = string.Join("\n", logs.GetSnapshot().Select(record => record.Message + " " + record.Exception));
        Assert.NotEmpty(app.Smtp.Messages);
        Assert.Contains(SubscriberRef.For("mail-reader"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("mail-reader", text, StringComparison.Ordinal);
        Assert.DoesNotContain("private.reader@example.org", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a8f3c2d9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zx81kQp0wTOKEN", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("feed-token-5d2e", text, StringComparison.Ordinal);
    }
}
