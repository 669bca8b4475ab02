using System.Net.Http.Json;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>The same wire story from two outlets: one alert, which names the other outlet.</summary>
public sealed class StoryClusterDeliveryTests(AzuriteFixture azurite)
{
    private static readonly (string Title, string Link, string Summary) FirstOutlet = (
        "Turkey rules out sending more troops to guard Kabul airport",
        "https://outlet-a.example.org/world/turkey-kabul-airport",
        "Ankara will not deploy additional soldiers to protect Kabul's international airport once foreign forces have left Afghanistan, the defence minister told reporters on Tuesday, adding that talks with Washington on the mission were continuing.");

    private static readonly (string Title, string Link, string Summary) SecondOutlet = (
        "Turkey won't send extra soldiers to secure Kabul airport, minister says",
        "https://outlet-b.example.net/news/2021/turkey-soldiers-kabul",
        "Ankara will not deploy additional soldiers to protect Kabul's international airport once foreign forces have left Afghanistan, the defence minister told reporters Tuesday, adding that talks with Washington on the mission are continuing.");

    [Fact]
    public async Task FetchFeed_SameStoryFromSecondOutlet_AlertsOnceAndDeliveryListsTheOtherOutlet()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var outletA = await FeedServer.StartAsync(Feeds.Rss(FirstOutlet));
        await using var outletB = await FeedServer.StartAsync(Feeds.Rss(SecondOutlet));
        var topic = SampleTopics.AfghanistanForeignTroops;
        await app.SeedSubscribersAsync(topic, ct);
        await app.AddSourceAsync(new FeedSource("outlet-a", outletA.Url) { Name = "Outlet A" }, ct);
        await app.IngestAndWaitAsync(ct);
        await app.AddSourceAsync(new FeedSource("outlet-b", outletB.Url) { Name = "Outlet B" }, ct);

        await app.IngestAndWaitAsync(ct);

        // Outlet B's copy joined the story: nobody was alerted a second time.
        Assert.Single(app.Smtp.Messages);
        Assert.Single(app.Webhooks.Requests);

        // An alert about the story sent now (to a subscriber who joins later) lists the other outlet.
        var articles = app.Services.GetRequiredService<IArticleStore>();
        var firstKey = Alerts.Core.Ingestion.ArticleIdentity.KeyFor(FirstOutlet.Link, null, FirstOutlet.Title, FirstOutlet.Summary, "outlet-a");
        var article = await articles.GetAsync(firstKey, ct);
        Assert.NotNull(article);
        var match = (await app.Services.GetRequiredService<IArticleScorer>().ScoreAsync(article, ct)).Single(m => m.TopicId == topic.Id);
        await app.Services.GetRequiredService<ISubscriberStore>().UpsertAsync(new Subscriber("late-reader", "Late reader", ChannelKind.Email, "late@example.org"), ct);
        var alertId = ScoreArticleHandler.AlertIdFor(firstKey, topic.Id, "late-reader");
        await app.Services.GetRequiredService<IMessageQueue<DeliveryMessage>>().EnqueueAsync(new DeliveryMessage(alertId, firstKey, "late-reader", match), null, ct);
        await app.WaitIdleAsync(ct);

        var late = Assert.Single(app.Smtp.Messages, m => m.Recipients.Contains("late@example.org"));
        Assert.Contains("Also reported by", late.TextBody);
        Assert.Contains("Outlet B", late.TextBody);
        Assert.Contains(SecondOutlet.Link, late.HtmlBody);
    }

    [Fact]
    public async Task PushedCopyOfAFedStory_AlertsOnceAndJoinsTheStory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var outletA = await FeedServer.StartAsync(Feeds.Rss(FirstOutlet));
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        await app.AddSourceAsync(new FeedSource("outlet-a", outletA.Url) { Name = "Outlet A" }, ct);
        await app.IngestAndWaitAsync(ct);
        using var client = app.CreateApiClient();

        var pushed = await client.PostAsJsonAsync("api/articles", new { title = SecondOutlet.Title, link = SecondOutlet.Link, summary = SecondOutlet.Summary, source = "Outlet B" }, ct);
        await app.WaitIdleAsync(ct);

        // The pushed copy was stored and joined the fed story: nobody was alerted a second time.
        Assert.Equal(System.Net.HttpStatusCode.Accepted, pushed.StatusCode);
        Assert.Single(app.Smtp.Messages);
        Assert.Single(app.Webhooks.Requests);
        var firstKey = Alerts.Core.Ingestion.ArticleIdentity.KeyFor(FirstOutlet.Link, null, FirstOutlet.Title, FirstOutlet.Summary, "outlet-a");
        var members = await app.Services.GetRequiredService<Alerts.Core.Ingestion.IStoryCopyStore>().ListCopiesAsync(firstKey, ct);
        Assert.Contains(members, m => m.SourceName == "Outlet B" && m.Link == SecondOutlet.Link);
    }

    [Fact]
    public async Task RicherCopyOfAStoryThatDidNotAlert_AlertsOnceThroughTheStory()
    {
        // Arrange: the first outlet's version names no place the topic knows; the second names Kabul and Afghanistan.
        var ct = TestContext.Current.CancellationToken;
        (string Title, string Link, string Summary) teaser = (
            "Turkey rules out sending more troops to guard the airport",
            "https://outlet-a.example.org/world/turkey-airport",
            "Ankara will not deploy additional soldiers to protect the international airport once foreign forces have left, the defence minister told reporters on Tuesday, adding that talks with Washington on the mission were continuing.");
        await using var app = await PipelineHarness.StartAsync(azurite);
        await using var outletA = await FeedServer.StartAsync(Feeds.Rss(teaser));
        await using var outletB = await FeedServer.StartAsync(Feeds.Rss(FirstOutlet));
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        await app.AddSourceAsync(new FeedSource("outlet-a", outletA.Url) { Name = "Outlet A" }, ct);
        await app.IngestAndWaitAsync(ct);
        Assert.Empty(app.Smtp.Messages);

        // Act
        await app.AddSourceAsync(new FeedSource("outlet-b", outletB.Url) { Name = "Outlet B" }, ct);
        await app.IngestAndWaitAsync(ct);
        await app.IngestAndWaitAsync(ct);

        // Assert: the fuller copy joined the teaser's story and alerted, once per subscriber.
        var teaserKey = Alerts.Core.Ingestion.ArticleIdentity.KeyFor(teaser.Link, null, teaser.Title, teaser.Summary, "outlet-a");
        var members = await app.Services.GetRequiredService<Alerts.Core.Ingestion.IStoryCopyStore>().ListCopiesAsync(teaserKey, ct);
        Assert.Contains(members, m => m.SourceName == "Outlet B");
        Assert.Single(app.Smtp.Messages);
        Assert.Single(app.Webhooks.Requests);
    }

    [Fact]
    public async Task LowSubscriberThreshold_StoryFailingTheTopicsConstraints_DoesNotAlert()
    {
        // Arrange: a subscriber who wants everything from 0.1 up; the story's troops are Pakistani, on their own side.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var topic = SampleTopics.AfghanistanForeignTroops;
        await app.SeedSubscribersAsync(topic, ct);
        var subscribers = app.Services.GetRequiredService<ISubscriberStore>();
        await subscribers.UpsertSubscriptionAsync(new Subscription(topic.Id, "mail-reader") { Threshold = 0.1 }, ct);
        using var client = app.CreateApiClient();

        // Act
        await client.PostAsJsonAsync(
            "api/articles",
            new { title = "Pakistani troops raid hideouts near the Afghan border", link = "https://news.example.org/pk-raid", summary = "Pakistani soldiers raided two suspected hideouts near the rugged Afghan border on Monday, the army said." },
            ct);
        await app.WaitIdleAsync(ct);

        // Assert: the query matched (the score is above 0.1), but the topic's place constraint did not hold.
        Assert.Empty(app.Smtp.Messages);
        Assert.Empty(app.Webhooks.Requests);
    }
}
