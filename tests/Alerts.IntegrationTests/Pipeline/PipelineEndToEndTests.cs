using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Serialization;
using Alerts.Core.Topics;
using Alerts.Infrastructure.Storage;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>The Functions classes end to end through Azurite queues, a real SMTP server and a real webhook listener.</summary>
public sealed class PipelineEndToEndTests(AzuriteFixture azurite)
{
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;

    [Fact]
    public async Task IngestFeeds_RunOfThePipeline_ProducesTheExpectedMetrics()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory, Feeds.MarketsStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url), ct);
        var meters = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var fetches = new MetricCollector<long>(meters, AlertsMetrics.MeterName, "alerts.feed.fetches");
        using var entries = new MetricCollector<long>(meters, AlertsMetrics.MeterName, "alerts.feed.entries");
        using var alerts = new MetricCollector<long>(meters, AlertsMetrics.MeterName, "alerts.topic.alerts");
        using var notifications = new MetricCollector<long>(meters, AlertsMetrics.MeterName, "alerts.notifications");
        using var latency = new MetricCollector<double>(meters, AlertsMetrics.MeterName, "alerts.delivery.since_ingested");
        using var refresh = new MetricCollector<double>(meters, AlertsMetrics.MeterName, "alerts.topic_index.refresh");
        using var indexed = new MetricCollector<long>(meters, AlertsMetrics.MeterName, "alerts.topic_index.topics");

        await app.IngestAndWaitAsync(ct);

        Assert.Equal(1, Sum(fetches, ("source", "wire"), ("outcome", "200")));
        Assert.Equal(2, Sum(entries, ("source", "wire"), ("outcome", "new")));
        Assert.Equal(1, Sum(alerts, ("topic", Topic.Id)));
        Assert.Equal(1, Sum(notifications, ("channel", "email"), ("status", "sent")));
        Assert.Equal(1, Sum(notifications, ("channel", "teams"), ("status", "sent")));
        Assert.Equal(2, latency.GetMeasurementSnapshot().Count);
        Assert.All(latency.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
        Assert.NotEmpty(refresh.GetMeasurementSnapshot());
        indexed.RecordObservableInstruments();
        Assert.Equal(1, indexed.LastMeasurement?.Value);
    }

    private static long Sum(MetricCollector<long> collector, params (string Key, string Value)[] tags) =>
        collector.GetMeasurementSnapshot()
            .Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
            .Sum(m => m.Value);

    [Fact]
    public async Task IngestFeeds_FeedWithMatchingStory_ReachesEmailAndTeamsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory, Feeds.MarketsStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url), ct);

        await app.IngestAndWaitAsync(ct);

        var email = Assert.Single(app.Smtp.Messages);
        Assert.Contains(Feeds.KabulStory.Title, email.Subject);
        Assert.Contains("reader@example.org", email.Recipients);
        Assert.Contains(Feeds.KabulStory.Link, email.HtmlBody);
        Assert.False(string.IsNullOrWhiteSpace(email.TextBody));
        var post = Assert.Single(app.Webhooks.Requests);
        using var payload = post.Json();
        Assert.Equal("message", payload.RootElement.GetProperty("type").GetString());
        Assert.Contains(Feeds.KabulStory.Title, post.Body);

        // A second timer run finds the same items: nothing new is sent.
        await app.IngestAndWaitAsync(ct);
        Assert.Single(app.Smtp.Messages);
        Assert.Single(app.Webhooks.Requests);
    }

    [Fact]
    public async Task DeliverAlert_RedeliveredMessage_SendsNothingNew()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url), ct);
        await app.IngestAndWaitAsync(ct);
        var sent = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct);
        var emailRecord = Assert.Single(sent, r => r.SubscriberId == "mail-reader");
        var article = await app.Services.GetRequiredService<IArticleStore>().GetAsync(emailRecord.ArticleKey!, ct);
        var match = (await app.Services.GetRequiredService<Alerts.Core.Scoring.IArticleScorer>().ScoreAsync(article!, ct)).Single(m => m.TopicId == Topic.Id);

        // The queue is at-least-once: the same delivery message arrives again, twice.
        var duplicate = new DeliveryMessage(emailRecord.AlertId, emailRecord.ArticleKey!, "mail-reader", match);
        var deliveries = app.Services.GetRequiredService<IMessageQueue<DeliveryMessage>>();
        await deliveries.EnqueueAsync(duplicate, null, ct);
        await deliveries.EnqueueAsync(duplicate, null, ct);
        await app.WaitIdleAsync(ct);

        Assert.Single(app.Smtp.Messages);
        var record = await app.Services.GetRequiredService<IDeliveryStore>().GetAsync("mail-reader", emailRecord.AlertId, ct);
        Assert.Equal(DeliveryStatus.Sent, record!.Status);
    }

    [Fact]
    public async Task DeliverAlert_SameMessageProcessedConcurrently_SendsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(Topic, ct);
        var article = ArticleSubmissions.ToArticle(
            new ArticleSubmission { Title = Feeds.KabulStory.Title, Link = Feeds.KabulStory.Link, Summary = Feeds.KabulStory.Summary },
            DateTimeOffset.UtcNow);
        await app.Services.GetRequiredService<IArticleStore>().AdmitAsync(article, ct);
        var match = (await app.Services.GetRequiredService<Alerts.Core.Scoring.IArticleScorer>().ScoreAsync(article, ct)).Single(m => m.TopicId == Topic.Id);
        var message = new DeliveryMessage(ScoreArticleHandler.AlertIdFor(article.Key, Topic.Id, "mail-reader"), article.Key, "mail-reader", match);

        // Four copies land in one batch and run in parallel, as duplicate enqueues from two racing instances would.
        var deliveries = app.Services.GetRequiredService<IMessageQueue<DeliveryMessage>>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => deliveries.EnqueueAsync(message, null, ct)));
        await app.WaitIdleAsync(ct);

        Assert.Single(app.Smtp.Messages);
        var record = await app.Services.GetRequiredService<IDeliveryStore>().GetAsync("mail-reader", message.AlertId, ct);
        Assert.Equal(DeliveryStatus.Sent, record!.Status);
        Assert.Empty(await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(app.Names.DeliveriesQueue, ct));
    }

    [Fact]
    public async Task ScoreArticle_MalformedMessage_LandsInPoisonQueueAfterConfiguredAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, maxDequeueCount: 3);
        var articles = app.Queue(app.Names.ArticlesQueue);

        await articles.SendMessageAsync("{ this is not an article message", ct);
        await app.WaitIdleAsync(ct);

        var parked = await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(app.Names.ArticlesQueue, ct);
        var message = Assert.Single(parked);
        Assert.Equal("{ this is not an article message", message.Body);
        Assert.Equal(0, (await articles.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount);
        var failure = message.Failure;
        Assert.NotNull(failure);
        Assert.Equal(3, failure.Count);
        Assert.True(failure.First < failure.Last, $"first {failure.First:o}, last {failure.Last:o}");
        Assert.StartsWith("Queue message is not a valid score article message", failure.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreArticle_MessageForMissingArticle_IsRetriedThenParkedAndReplayable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, maxDequeueCount: 2);
        var body = JsonSerializer.Serialize(new ScoreArticleMessage("u-no-such-article"), AlertsJsonContext.Default.ScoreArticleMessage);
        await app.Services.GetRequiredService<IMessageQueue<ScoreArticleMessage>>().EnqueueAsync(new ScoreArticleMessage("u-no-such-article"), null, ct);
        await app.WaitIdleAsync(ct);

        var poisonQueues = app.Services.GetRequiredService<PoisonQueues>();
        var parked = Assert.Single(await poisonQueues.PeekAsync(app.Names.ArticlesQueue, ct));
        Assert.Equal(body, parked.Body);
        Assert.True(parked.NeverExpires, $"parked until {parked.ExpiresOn}");

        // Ops replays it: it fails again (the article is still missing) and returns to the poison queue, not lost.
        Assert.Equal(1, await poisonQueues.ReplayAsync(app.Names.ArticlesQueue, ct));
        await app.WaitIdleAsync(ct);
        Assert.True(Assert.Single(await poisonQueues.PeekAsync(app.Names.ArticlesQueue, ct)).NeverExpires);

        // Once the cause is known and nothing is to be replayed, ops purges it.
        Assert.Equal(1, await poisonQueues.PurgeAsync(app.Names.ArticlesQueue, ct));
        Assert.Empty(await poisonQueues.PeekAsync(app.Names.ArticlesQueue, ct));
    }

    [Fact]
    public async Task QueueTrigger_MessageNotBase64_GoesStraightToPoison()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var raw = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, app.Names.FeedsToFetchQueue);

        await raw.SendMessageAsync("plain text, not base64 {", ct);
        await app.WaitIdleAsync(ct);

        var parked = Assert.Single(await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(app.Names.FeedsToFetchQueue, ct));
        Assert.Equal("plain text, not base64 {", parked.Body);
        Assert.True(parked.NeverExpires, $"parked until {parked.ExpiresOn}");
        Assert.Equal(0, (await raw.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task QueueTrigger_MessageSeenMoreThanMaxDequeueCount_GoesToPoisonWithoutRunning()
    {
        // Arrange: a harmless fetch message (unknown source: FetchFeed would complete) that earlier instances received
        // three times without completing, as when each attempt crashed the process.
        var ct = TestContext.Current.CancellationToken;
        var queueName = "fcrash" + Guid.NewGuid().ToString("N")[..10];
        var raw = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, queueName, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await raw.CreateIfNotExistsAsync(cancellationToken: ct);
        await raw.SendMessageAsync("""{"sourceId":"no-such-source"}""", ct);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var received = (await raw.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1), ct)).Value;
            Assert.Single(received);
            await Task.Delay(TimeSpan.FromMilliseconds(1100), ct);
        }

        // Act
        await using var app = await PipelineHarness.StartAsync(azurite, new Dictionary<string, string?> { ["FeedsToFetchQueueName"] = queueName }, maxDequeueCount: 2);
        await app.WaitIdleAsync(ct);

        // Assert
        var parked = Assert.Single(await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(queueName, ct));
        Assert.Equal("""{"sourceId":"no-such-source"}""", parked.Body);
        Assert.Equal(0, (await raw.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task KeepPoisonMessages_MessageParkedWithTheDefaultLifetime_NoLongerExpires()
    {
        // Arrange: parked as the Functions host parks it, with the queue service's default 7 days.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.ParkAsync(app.Names.DeliveriesQueue, "parked by the Functions host", ct);
        var poisonQueues = app.Services.GetRequiredService<PoisonQueues>();
        Assert.False(Assert.Single(await poisonQueues.PeekAsync(app.Names.DeliveriesQueue, ct)).NeverExpires);

        // Act
        var kept = await poisonQueues.KeepAsync(ct);
        var after = await poisonQueues.PeekAsync(app.Names.DeliveriesQueue, ct);
        var again = await poisonQueues.KeepAsync(ct);

        // Assert: kept once, still visible to ops, never expires; a second pass has nothing to do and hides nothing.
        Assert.Equal(1, kept);
        Assert.True(Assert.Single(after).NeverExpires);
        Assert.Equal("parked by the Functions host", after[0].Body);
        Assert.Equal(0, again);
        Assert.Single(await poisonQueues.PeekAsync(app.Names.DeliveriesQueue, ct));
    }

    [Fact]
    public async Task FetchFeed_FeedAnswers304_ProducesNoWork()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url) { Validators = new FeedValidators(feed.ETag, null) }, ct);
        var articlesQueue = app.Queue(app.Names.ArticlesQueue);

        await app.IngestAndWaitAsync(ct);

        Assert.Equal(1, feed.NotModifiedAnswers);
        Assert.Equal(0, (await articlesQueue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount);
        Assert.Empty(app.Smtp.Messages);
        Assert.Empty(app.Webhooks.Requests);
        Assert.Empty(await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct));
        var source = await app.Services.GetRequiredService<ISourceStore>().GetAsync("wire", ct);
        Assert.Contains("304", source!.Health.LastResult);
    }

    [Fact]
    public async Task DeliverAlert_TeamsWebhookFailing_EmailStillDeliveredAndTeamsParkedWithRecordedOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, maxDequeueCount: 2);
        app.Webhooks.Enqueue(SinkResponse.Status(500), SinkResponse.Status(500));
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url), ct);

        await app.IngestAndWaitAsync(ct);

        Assert.Single(app.Smtp.Messages);
        Assert.Equal(2, app.Webhooks.Requests.Count);
        var records = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct);
        var teams = Assert.Single(records, r => r.SubscriberId == "teams-room");
        Assert.Equal(DeliveryStatus.Failed, teams.Status);
        Assert.Equal(2, teams.Attempts);
        Assert.Contains("500", teams.Detail);
        Assert.Single(await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(app.Names.DeliveriesQueue, ct));

        // The webhook recovers; ops replays the parked delivery and it goes through.
        Assert.Equal(1, await app.Services.GetRequiredService<PoisonQueues>().ReplayAsync(app.Names.DeliveriesQueue, ct));
        await app.WaitIdleAsync(ct);
        Assert.Equal(3, app.Webhooks.Requests.Count);
        var recovered = await app.Services.GetRequiredService<IDeliveryStore>().GetAsync("teams-room", teams.AlertId, ct);
        Assert.Equal(DeliveryStatus.Sent, recovered!.Status);
    }

    [Fact]
    public async Task DeliverAlert_TeamsThrottles_RetriedAfterItsRetryAfterAndDeliveredWithoutPoison()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, new Dictionary<string, string?> { ["Alerts:DeliveryRetryBudget"] = "01:00:00" });
        app.Webhooks.Enqueue(SinkResponse.TooManyRequests(retryAfterSeconds: 2));
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url), ct);

        await app.IngestAndWaitAsync(ct);

        var requests = app.Webhooks.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.5), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
        var teams = Assert.Single(await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct), r => r.SubscriberId == "teams-room");
        Assert.Equal(DeliveryStatus.Sent, teams.Status);
        Assert.Equal(2, teams.Attempts);
        Assert.Empty(await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(app.Names.DeliveriesQueue, ct));
    }

    [Fact]
    public async Task DeliverAlert_TeamsUrlGone_StopsAtOnceWithTheReasonAndNoPoison()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, new Dictionary<string, string?> { ["Alerts:DeliveryRetryBudget"] = "01:00:00" });
        app.Webhooks.Enqueue(SinkResponse.Status(404));
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        await app.SeedSubscribersAsync(Topic, ct);
        await app.AddSourceAsync(new FeedSource("wire", feed.Url), ct);

        await app.IngestAndWaitAsync(ct);

        Assert.Single(app.Webhooks.Requests);
        var teams = Assert.Single(await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct), r => r.SubscriberId == "teams-room");
        Assert.Equal(DeliveryStatus.Failed, teams.Status);
        Assert.StartsWith("gave up, retrying cannot help:", teams.Detail, StringComparison.Ordinal);
        Assert.Contains("404", teams.Detail, StringComparison.Ordinal);
        Assert.Empty(await app.Services.GetRequiredService<PoisonQueues>().PeekAsync(app.Names.DeliveriesQueue, ct));
        Assert.Single(app.Smtp.Messages);
    }

    [Fact]
    public async Task DeliverAlert_TeamsUrlGoneThreeTimes_ChannelMarkedUnhealthyAndSkippedUntilTheSubscriberIsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        app.Webhooks.Enqueue(SinkResponse.Status(404), SinkResponse.Status(404), SinkResponse.Status(404));
        await app.SeedSubscribersAsync(Topic, ct);
        using var client = app.CreateApiClient();
        // Five different stories (not copies of one another), each about foreign troops in Afghanistan.
        (string Title, string Summary)[] stories =
        [
            ("Turkish troops deploy to guard Kabul airport", "Turkey sent two hundred soldiers to Kabul to secure the airport, the defence ministry said."),
            ("German soldiers hand over Kunduz base", "The Bundeswehr's last German troops in Kunduz handed the camp to Afghan forces on Friday."),
            ("Italian forces extend mission in Herat", "Rome said its Italian troops would stay in Herat, Afghanistan, for another six months of training."),
            ("French trainers arrive at Kandahar", "A team of French military trainers landed in Kandahar to work with NATO units in southern Afghanistan."),
            ("Polish contingent reaches Bagram", "Poland's new contingent of soldiers arrived at Bagram air base north of Kabul, its army said."),
        ];
        async Task PushAsync(int n)
        {
            await client.PostAsJsonAsync("api/articles", new { title = stories[n - 1].Title, link = $"https://news.example.org/afghanistan-{n}", summary = stories[n - 1].Summary }, ct);
            await app.WaitIdleAsync(ct);
        }

        // Act: three permanent failures, then a fourth alert.
        for (var n = 1; n <= 4; n++)
        {
            await PushAsync(n);
        }

        var subscribers = app.Services.GetRequiredService<ISubscriberStore>();
        var unhealthy = await subscribers.GetAsync("teams-room", ct);

        // Assert: the fourth was not even tried; ops sees why.
        Assert.Equal(3, app.Webhooks.Requests.Count);
        Assert.True(unhealthy!.Health.IsUnhealthy);
        Assert.Contains("404", unhealthy.Health.LastError, StringComparison.Ordinal);
        var records = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(20, ct).ToListAsync(ct);
        Assert.Single(records, r => r.SubscriberId == "teams-room" && r.Status == DeliveryStatus.Skipped && r.Detail.Contains("unhealthy", StringComparison.Ordinal));
        Assert.Equal(4, app.Smtp.Messages.Count);

        // The operator fixes the subscriber (saves it): deliveries go through again.
        await client.PutAsJsonAsync("api/subscribers/teams-room", new { name = "Teams room", channel = "teams", address = app.Webhooks.Url("workflows/room").AbsoluteUri }, ct);
        await PushAsync(5);
        Assert.Equal(4, app.Webhooks.Requests.Count);
        Assert.False((await subscribers.GetAsync("teams-room", ct))!.Health.IsUnhealthy);
    }
}
