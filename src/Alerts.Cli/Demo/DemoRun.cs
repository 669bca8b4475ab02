using Alerts.Cli.Hosting;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.LocalDev;
using Alerts.LocalDev.Azurite;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Demo;

/// <summary>What the demo runs on.</summary>
/// <param name="Feed">A feed file or URL; null for the built-in sample feed.</param>
/// <param name="OutputFolder">Where received messages are saved; null for <c>.alerts/demo</c>.</param>
/// <param name="Timeout">How long to wait for the pipeline.</param>
public sealed record DemoOptions(string? Feed, string? OutputFolder, TimeSpan Timeout);

/// <summary>The demo could not be set up (bad --feed, Azurite or npm missing).</summary>
public sealed class DemoSetupException(string message) : Exception(message);

/// <summary>
/// One demo run: local stand-ins for storage, SMTP and Teams, the sample topic and two subscribers, a feed, then
/// the Functions app's own triggers through real queues. State persists in Azurite between runs, so a second run
/// shows deduplication.
/// </summary>
public static class DemoRun
{
    /// <summary>The e-mail subscriber.</summary>
    public const string EmailSubscriberId = "analyst";

    /// <summary>The Teams subscriber.</summary>
    public const string TeamsSubscriberId = "ops-room";

    private const string SourceId = "demo-feed";
    private const string SampleStoryLink = "turkey-no-extra-troops-kabul-airport";

    /// <summary>Runs the demo; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(DemoOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var workFolder = Path.Combine(AzuritePackage.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), ".alerts");
        var runFolder = Path.Combine(options.OutputFolder ?? Path.Combine(workFolder, "demo"), DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var topic = SampleTopics.AfghanistanForeignTroops;

        output.WriteLine("Alerts demo: the whole pipeline on this machine.");
        await using var azurite = await StartAzuriteAsync(Path.Combine(workFolder, "azurite"), output, cancellationToken);
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions { OutputDirectory = Path.Combine(runFolder, "mail") }, cancellationToken);
        await using var teams = await WebhookSink.StartAsync(new WebhookSinkOptions { OutputDirectory = Path.Combine(runFolder, "teams") }, cancellationToken);
        var (feedUrl, feedServer) = await ResolveFeedAsync(options.Feed, cancellationToken);
        await using var _ = feedServer;

        var observer = new DemoObserver();
        var hostPort = LoopbackPorts.Free();
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions
        {
            Urls = $"http://127.0.0.1:{hostPort}",
            RunTimers = false,
            ReadLocalSettings = false,
            MinimumLogLevel = LogLevel.Warning,
            Settings = new Dictionary<string, string?>(smtp.ChannelSettings("alerts@demo.localhost"))
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Alerts:PublicBaseUrl"] = $"http://127.0.0.1:{hostPort}",
                ["Alerts:Smtp:FromName"] = "Alerts demo",
                ["Alerts:Http:AllowPrivateNetworks"] = "true",
                ["Alerts:Scoring:RefreshIntervalSeconds"] = "0",
            },
            ConfigureServices = services => services.AddSingleton<IPipelineObserver>(observer),
        });
        await host.StartAsync(cancellationToken);

        var teamsUrl = teams.Url("workflows/ops-room");
        await SeedAsync(host.Services, topic, feedUrl, teamsUrl, cancellationToken);
        output.WriteLine($"  storage      Azurite, queues on 127.0.0.1:{azurite.QueuePort}{(azurite.StartedHere ? $" (started here, data in {Path.Combine(workFolder, "azurite")})" : " (already running)")}");
        output.WriteLine($"  e-mail       local SMTP inbox on {smtp.Host}:{smtp.Port}");
        output.WriteLine($"  teams        local Workflows webhook at {teamsUrl}");
        output.WriteLine($"  feed         {feedUrl}{(options.Feed is null ? " (samples/demo-feed.xml)" : $" ({options.Feed})")}");
        output.WriteLine($"  topic        {topic.Id}: \"{topic.Name}\"");
        output.WriteLine($"  subscribers  {EmailSubscriberId} (e-mail), {TeamsSubscriberId} (Teams)");
        output.WriteLine();

        // The timer would fire within 5 minutes; the demo fires it now, as POST /admin/functions/IngestFeeds does.
        await host.RunNowAsync("IngestFeeds", cancellationToken);
        var finished = await host.WaitForIdleAsync(TimeSpan.FromSeconds(2), options.Timeout, cancellationToken);

        var story = options.Feed is null
            ? (Func<Article, bool>)(article => article.Link?.Contains(SampleStoryLink, StringComparison.Ordinal) == true)
            : _ => true;
        var verdict = await DemoVerdict.JudgeAsync(host.Services, topic.Id, [EmailSubscriberId, TeamsSubscriberId], story, cancellationToken);
        DemoReport.Write(output, observer, smtp.Messages, teams.Requests, verdict, topic, finished);
        return verdict.ReachedAll && finished ? 0 : 1;
    }

    private static async Task<AzuriteInstance> StartAzuriteAsync(string dataFolder, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            return await AzuriteInstance.UseDefaultOrStartAsync(dataFolder, line => output.WriteLine($"  {line}"), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new DemoSetupException($"could not start Azurite: {e.Message}");
        }
    }

    private static async Task<(Uri Url, FeedFileServer? Server)> ResolveFeedAsync(string? feed, CancellationToken cancellationToken)
    {
        if (feed is not null && Uri.TryCreate(feed, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return (url, null);
        }

        var path = feed ?? Path.Combine(AppContext.BaseDirectory, "samples", "demo-feed.xml");
        if (!File.Exists(path))
        {
            throw new DemoSetupException($"feed file '{path}' does not exist (give a file path or an http(s) URL).");
        }

        var server = await FeedFileServer.StartAsync(path, cancellationToken);
        return (server.FeedUrl, server);
    }

    private static async Task SeedAsync(IServiceProvider services, WatchTopic topic, Uri feedUrl, Uri teamsUrl, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ITopicStore>().UpsertAsync(topic, cancellationToken);
        var subscribers = services.GetRequiredService<ISubscriberStore>();
        await subscribers.UpsertAsync(new Subscriber(EmailSubscriberId, "Security analyst", ChannelKind.Email, "analyst@example.org"), cancellationToken);
        await subscribers.UpsertAsync(new Subscriber(TeamsSubscriberId, "Operations room", ChannelKind.Teams, teamsUrl.AbsoluteUri), cancellationToken);
        await subscribers.UpsertSubscriptionAsync(new Subscription(topic.Id, EmailSubscriberId), cancellationToken);
        await subscribers.UpsertSubscriptionAsync(new Subscription(topic.Id, TeamsSubscriberId), cancellationToken);

        // A fresh source each run (the local feed's port changes); the articles table still remembers what was seen.
        await services.GetRequiredService<ISourceStore>().UpsertAsync(new FeedSource(SourceId, feedUrl) { Name = "World Desk (demo)" }, cancellationToken);
    }
}

/// <summary>Whether the story reached every subscriber, now or in an earlier run.</summary>
/// <param name="Story">The article judged, when one matched.</param>
/// <param name="Records">Its delivery record per subscriber (null: never delivered).</param>
public sealed record DemoVerdict(Article? Story, IReadOnlyDictionary<string, DeliveryRecord?> Records)
{
    /// <summary>Every subscriber has a sent record.</summary>
    public bool ReachedAll => Story is not null && Records.Values.All(r => r?.Status == DeliveryStatus.Sent);

    /// <summary>Reads the delivery records of the best story candidate for every subscriber.</summary>
    public static async Task<DemoVerdict> JudgeAsync(
        IServiceProvider services, string topicId, IReadOnlyList<string> subscriberIds, Func<Article, bool> isStory, CancellationToken cancellationToken)
    {
        var deliveries = services.GetRequiredService<IDeliveryStore>();
        var articles = services.GetRequiredService<IArticleStore>();
        var candidates = new List<string>();
        await foreach (var record in deliveries.ListRecentAsync(1000, cancellationToken))
        {
            if (record.TopicId == topicId && record.ArticleKey is { } key && !candidates.Contains(key))
            {
                candidates.Add(key);
            }
        }

        DemoVerdict? best = null;
        foreach (var key in candidates)
        {
            var article = await articles.GetAsync(key, cancellationToken);
            if (article is null || !isStory(article))
            {
                continue;
            }

            var records = new Dictionary<string, DeliveryRecord?>();
            foreach (var subscriberId in subscriberIds)
            {
                var alertId = ScoreArticleHandler.AlertIdFor(key, topicId, subscriberId);
                records[subscriberId] = await deliveries.GetAsync(subscriberId, alertId, cancellationToken);
            }

            var verdict = new DemoVerdict(article, records);
            if (verdict.ReachedAll)
            {
                return verdict;
            }

            best ??= verdict;
        }

        return best ?? new DemoVerdict(null, subscriberIds.ToDictionary(id => id, _ => (DeliveryRecord?)null));
    }
}
