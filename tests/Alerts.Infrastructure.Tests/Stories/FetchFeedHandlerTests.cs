using System.Net;
using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Infrastructure.Feeds.Fetching;
using Alerts.Infrastructure.Feeds.Parsing;
using Alerts.Infrastructure.Storage;
using Alerts.Infrastructure.Tests.Fetching;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Infrastructure.Tests.Stories;

/// <summary>The FetchFeed step end to end: Kestrel feeds, the real fetcher and parser, Azurite tables and queues.</summary>
public sealed class FetchFeedHandlerTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_FeedRegeneratesAllGuids_SecondFetchQueuesNothing()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", () => Rss(
            Item(Guid.NewGuid().ToString(), "Troops leave base", "https://desk.example/1?utm_source=rss", "First story text about a base."),
            Item(Guid.NewGuid().ToString(), "Oil prices jump", "https://desk.example/2", "Second story text about markets."))));
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", server.Url("/rss")));
        var handler = services.GetRequiredService<FetchFeedHandler>();

        // Act
        await handler.HandleAsync(new FetchFeedMessage("desk"), Ct);
        var afterFirst = await QueuedAsync(services);
        await handler.HandleAsync(new FetchFeedMessage("desk"), Ct);
        var afterSecond = await QueuedAsync(services);

        // Assert
        Assert.Equal(2, afterFirst);
        Assert.Equal(2, afterSecond);
    }

    [Fact]
    public async Task HandleAsync_SameStoryFromTwoOutlets_CopyScoredAsPartOfTheStoryAndOtherOutletListed()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/wire", () => Rss(Item("w1", StoryTexts.WireTitle, "https://wire.example/kabul", StoryTexts.WireSummary)));
            app.MapGet("/daily", () => Rss(Item("d1", StoryTexts.SecondOutletTitle, "https://daily.example/world/kabul-airport", StoryTexts.SecondOutletSummary)));
        });
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("wire", server.Url("/wire")) { Name = "Wire" });
        await AddSourceAsync(services, new FeedSource("daily", server.Url("/daily")) { Name = "The Daily" });
        var handler = services.GetRequiredService<FetchFeedHandler>();

        // Act
        await handler.HandleAsync(new FetchFeedMessage("wire"), Ct);
        time.Advance(TimeSpan.FromMinutes(3));
        await handler.HandleAsync(new FetchFeedMessage("daily"), Ct);

        // Assert: the copy is scored too, as part of the wire story, so alerts (keyed on the story) reach nobody twice.
        var wireKey = ArticleIdentity.KeyFor("https://wire.example/kabul", null, null, null);
        var queued = await ScoringMessagesAsync(services);
        Assert.Equal(2, queued.Count);
        Assert.Equal(wireKey, queued[0].ArticleKey);
        Assert.Null(queued[0].StoryKey);
        Assert.Equal(wireKey, queued[1].StoryKey);
        var wireArticle = await services.GetRequiredService<IArticleStore>().GetAsync(wireKey, Ct);
        Assert.NotNull(wireArticle);
        var copies = await services.GetRequiredService<IStoryCopyStore>().ListCopiesAsync(wireKey, Ct);
        var related = Assert.Single(StoryCopies.AlsoReportedBy(wireArticle, copies));
        Assert.Equal("The Daily", related.Name);
        Assert.Equal("https://daily.example/world/kabul-airport", related.Link);
        var daily = await services.GetRequiredService<ISourceStore>().GetAsync("daily", Ct);
        Assert.Contains("1 copies of known stories", daily!.Health.LastResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FetchesPiledUpDuringAnOutage_OnlyTheFirstRuns()
    {
        // Arrange: the timer queued this source three times while the workers were down.
        await using var desk = await CountingDesk.StartAsync();
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", desk.Url));
        var handler = services.GetRequiredService<FetchFeedHandler>();
        var queuedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(20));

        // Act
        for (var i = 0; i < 3; i++)
        {
            await handler.HandleAsync(new FetchFeedMessage("desk") { QueuedAt = queuedAt.AddMinutes(i * 5) }, Ct);
        }

        // Assert
        Assert.Equal(1, desk.Requests);
    }

    [Fact]
    public async Task HandleAsync_SourceBackingOff_FetchDropped()
    {
        // Arrange
        await using var desk = await CountingDesk.StartAsync();
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", desk.Url) { Health = new SourceHealth { NotBefore = time.GetUtcNow().AddHours(1) } });

        // Act
        await services.GetRequiredService<FetchFeedHandler>().HandleAsync(new FetchFeedMessage("desk") { QueuedAt = time.GetUtcNow() }, Ct);

        // Assert
        Assert.Equal(0, desk.Requests);
    }

    [Fact]
    public async Task HandleAsync_NewSourceWithBacklog_OldItemsStoredWithoutScoringRecentOnesScored()
    {
        // Arrange: the source was added now; its feed carries a week-old item and one from an hour ago.
        var now = time.GetUtcNow();
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", () => Rss(
            Dated(Item("old", "Old story", "https://desk.example/old", "From last week."), now.AddDays(-7)),
            Dated(Item("new", "New story", "https://desk.example/new", "From this morning."), now.AddHours(-1)))));
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", server.Url("/rss")) { AddedAt = now });

        // Act
        await services.GetRequiredService<FetchFeedHandler>().HandleAsync(new FetchFeedMessage("desk"), Ct);

        // Assert
        var queued = await ScoringMessagesAsync(services);
        Assert.Equal(ArticleIdentity.KeyFor("https://desk.example/new", null, null, null), Assert.Single(queued).ArticleKey);
        Assert.NotNull(await services.GetRequiredService<IArticleStore>().GetAsync(ArticleIdentity.KeyFor("https://desk.example/old", null, null, null), Ct));
        var source = await services.GetRequiredService<ISourceStore>().GetAsync("desk", Ct);
        Assert.Contains("1 older than the source (stored, not alerted)", source!.Health.LastResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NotModified_NoWorkAndValidatorsKept()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = "\"v1\"";
            return Rss(Item("1", "Only story", "https://desk.example/only", "Text."));
        }));
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", server.Url("/rss")));
        var handler = services.GetRequiredService<FetchFeedHandler>();
        await handler.HandleAsync(new FetchFeedMessage("desk"), Ct);

        // Act
        time.Advance(TimeSpan.FromMinutes(5));
        await handler.HandleAsync(new FetchFeedMessage("desk"), Ct);

        // Assert
        var source = await services.GetRequiredService<ISourceStore>().GetAsync("desk", Ct);
        Assert.Equal("\"v1\"", source!.Validators.ETag);
        Assert.Equal("304 not modified", source.Health.LastResult);
        Assert.Equal(time.GetUtcNow(), source.Health.LastSuccess);
        Assert.Equal(1, await QueuedAsync(services));
    }

    [Fact]
    public async Task HandleAsync_MovedPermanently_StoredUrlUpdatedAndItsTokenNotLogged()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new?token=s3cr3t-feed-token", permanent: true));
            app.MapGet("/new", () => Rss(Item("1", "Story", "https://desk.example/s", "Text.")));
        });
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", server.Url("/old")));

        // Act
        await services.GetRequiredService<FetchFeedHandler>().HandleAsync(new FetchFeedMessage("desk"), Ct);

        // Assert
        var source = await services.GetRequiredService<ISourceStore>().GetAsync("desk", Ct);
        Assert.Equal(server.Url("/new?token=s3cr3t-feed-token"), source!.Url);
        var logs = services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, l => l.Message.Contains("moved permanently", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_TooManyRequests_SourceBacksOffUntilRetryAfter()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "600";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }));
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", server.Url("/rss")));

        // Act
        await services.GetRequiredService<FetchFeedHandler>().HandleAsync(new FetchFeedMessage("desk"), Ct);

        // Assert
        var source = await services.GetRequiredService<ISourceStore>().GetAsync("desk", Ct);
        Assert.Equal(1, source!.Health.ConsecutiveFailures);
        Assert.Equal(time.GetUtcNow().AddMinutes(10), source.Health.NotBefore);
        Assert.Contains("429", source.Health.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync(services));
    }

    [Fact]
    public async Task HandleAsync_TeaserSource_StoresTheArticlePageText()
    {
        // Arrange
        var page = ArticlePage.Html("Ankara keeps its troops home", ArticlePage.Paragraphs);
        var pageRequests = 0;
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/rss", (HttpContext context) => Rss(Item("1", "Ankara keeps its troops home", $"http://127.0.0.1:{context.Connection.LocalPort}/story", "Read more on our site.")));
            app.MapGet("/story", () =>
            {
                Interlocked.Increment(ref pageRequests);
                return Results.Content(page, "text/html; charset=utf-8");
            });
        });
        await using var services = await ServicesAsync();
        await AddSourceAsync(services, new FeedSource("desk", server.Url("/rss")) { FetchFullText = true });
        var handler = services.GetRequiredService<FetchFeedHandler>();

        // Act
        await handler.HandleAsync(new FetchFeedMessage("desk"), Ct);
        await handler.HandleAsync(new FetchFeedMessage("desk"), Ct);

        // Assert
        var key = ArticleIdentity.KeyFor(server.Url("/story").AbsoluteUri, null, null, null);
        var article = await services.GetRequiredService<IArticleStore>().GetAsync(key, Ct);
        Assert.Contains("rotation of engineers", article!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe to our newsletter", article.Content, StringComparison.Ordinal);
        Assert.Equal("Read more on our site.", article.Summary);
        Assert.Equal(1, pageRequests);
    }

    private static IResult Rss(params string[] items) => Results.Text(
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Desk</title><link>https://desk.example/</link>{string.Concat(items)}</channel></rss>",
        "application/rss+xml; charset=utf-8");

    private static string Dated(string item, DateTimeOffset published) =>
        item.Replace("</item>", $"<pubDate>{published.ToUniversalTime():R}</pubDate></item>", StringComparison.Ordinal);

    private static string Item(string guid, string title, string link, string description) =>
        $"<item><guid isPermaLink=\"false\">{WebUtility.HtmlEncode(guid)}</guid><title>{WebUtility.HtmlEncode(title)}</title>" +
        $"<link>{WebUtility.HtmlEncode(link)}</link><description>{WebUtility.HtmlEncode(description)}</description></item>";

    private async Task<ServiceProvider> ServicesAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            [StorageNames.TablePrefixSetting] = "t" + unique,
            [StorageNames.FeedsToFetchQueueSetting] = "fetch-" + unique,
            [StorageNames.ArticlesQueueSetting] = "articles-" + unique,
            [StorageNames.DeliveriesQueueSetting] = "deliveries-" + unique,
            ["Alerts:Http:AllowPrivateNetworks"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddSingleton<TimeProvider>(time);
        services.AddAlertsStorage(configuration);
        services.AddAlertsFeedParsing(configuration);
        services.AddAlertsIngestion(configuration);
        services.AddSingleton<PipelineObservers>();
        services.AddTransient<ArticleIntake>();
        services.AddTransient<FeedEntriesIntake>();
        services.AddTransient<FetchFeedHandler>();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(Ct);
        return provider;
    }

    private static Task AddSourceAsync(IServiceProvider services, FeedSource source) =>
        services.GetRequiredService<ISourceStore>().UpsertAsync(source, Ct);

    private static async Task<List<ScoreArticleMessage>> ScoringMessagesAsync(IServiceProvider services)
    {
        var names = services.GetRequiredService<StorageNames>();
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(names.ArticlesQueue);
        var peeked = (await queue.PeekMessagesAsync(32, Ct)).Value;
        return peeked.Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Body.ToString(), Alerts.Core.Serialization.AlertsJsonContext.Default.ScoreArticleMessage)!).ToList();
    }

    private static async Task<int> QueuedAsync(IServiceProvider services)
    {
        var names = services.GetRequiredService<StorageNames>();
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(names.ArticlesQueue);
        var properties = await queue.GetPropertiesAsync(Ct);
        return properties.Value.ApproximateMessagesCount;
    }

    // A one-story feed that counts how often it is fetched.
    private sealed class CountingDesk : IAsyncDisposable
    {
        private TestWebServer? server;
        private int requests;

        public int Requests => Volatile.Read(ref requests);

        public Uri Url => server!.Url("/rss");

        public static async Task<CountingDesk> StartAsync()
        {
            var desk = new CountingDesk();
            desk.server = await TestWebServer.StartAsync(app => app.MapGet("/rss", () =>
            {
                Interlocked.Increment(ref desk.requests);
                return Rss(Item("1", "Story", "https://desk.example/s", "Text."));
            }));
            return desk;
        }

        public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
