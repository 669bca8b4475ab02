using Alerts.Cli.Hosting;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.Infrastructure.Storage;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.IntegrationTests.Support;

/// <summary>
/// The real app for one test: the local Functions host on Azurite with names of its own, a real SMTP inbox and a real
/// Teams/webhook listener. Retries come after a quarter second (not the shipped 30 s) so poison tests do not wait.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private PipelineHarness(LocalFunctionsHost host, SmtpSink smtp, WebhookSink webhooks, string folder)
    {
        Host = host;
        Smtp = smtp;
        Webhooks = webhooks;
        Folder = folder;
    }

    /// <summary>The local Functions host.</summary>
    public LocalFunctionsHost Host { get; }

    /// <summary>The SMTP inbox.</summary>
    public SmtpSink Smtp { get; }

    /// <summary>The Teams / webhook listener.</summary>
    public WebhookSink Webhooks { get; }

    /// <summary>Scratch folder for saved messages.</summary>
    public string Folder { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>Names of this test's queues and tables.</summary>
    public StorageNames Names => Services.GetRequiredService<StorageNames>();

    /// <summary>An HTTP client on the host's <c>/api</c>.</summary>
    public HttpClient CreateApiClient() => new() { BaseAddress = Host.BaseAddress };

    /// <summary>Starts everything with unique storage names.</summary>
    public static async Task<PipelineHarness> StartAsync(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string?>? settings = null,
        int maxDequeueCount = 5,
        Action<IServiceCollection>? configureServices = null)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var folder = Path.Combine(Path.GetTempPath(), "alerts-tests", id);
        var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions { OutputDirectory = Path.Combine(folder, "mail") });
        var webhooks = await WebhookSink.StartAsync(new WebhookSinkOptions { OutputDirectory = Path.Combine(folder, "hooks") });
        var all = new Dictionary<string, string?>(smtp.ChannelSettings("alerts@tests.localhost"))
        {
            ["Alerts:PublicBaseUrl"] = "https://alerts.example.org",
            ["Alerts:Http:AllowPrivateNetworks"] = "true",
            ["Alerts:Scoring:RefreshIntervalSeconds"] = "0",
            // No retry budget: a failing delivery goes straight to the queue's own retries and the poison queue, so
            // tests of that path do not wait; tests of delayed retries set a budget.
            ["Alerts:DeliveryRetryBudget"] = "00:00:00",
            // Local peers answer in milliseconds: a short send deadline makes the claim's lease short too, so a copy
            // of a delivery that finds it claimed looks again within seconds, not minutes.
            ["Alerts:DeliverySendDeadline"] = "00:00:05",
        };
        foreach (var (key, value) in PrivateStorageNames.Settings(azurite.ConnectionString, id))
        {
            all[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = LocalFunctionsHost.Create(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            ReadLocalSettings = false,
            Settings = all,
            MinimumLogLevel = LogLevel.Warning,
            ConfigureServices = configureServices,
            QueueSettings = QueueHostSettings.Load(QueueHostSettings.DefaultPath) with
            {
                VisibilityTimeout = TimeSpan.FromMilliseconds(250),
                MaxPollingInterval = TimeSpan.FromMilliseconds(500),
                MaxDequeueCount = maxDequeueCount,
            },
        });
        await host.StartAsync(CancellationToken.None);
        return new PipelineHarness(host, smtp, webhooks, folder);
    }

    /// <summary>Seeds a topic with an e-mail and a Teams subscriber.</summary>
    public async Task SeedSubscribersAsync(WatchTopic topic, CancellationToken cancellationToken)
    {
        await Services.GetRequiredService<ITopicStore>().UpsertAsync(topic, cancellationToken);
        var subscribers = Services.GetRequiredService<ISubscriberStore>();
        await subscribers.UpsertAsync(new Subscriber("mail-reader", "Mail reader", ChannelKind.Email, "reader@example.org"), cancellationToken);
        await subscribers.UpsertAsync(new Subscriber("teams-room", "Teams room", ChannelKind.Teams, Webhooks.Url("workflows/room").AbsoluteUri), cancellationToken);
        await subscribers.UpsertSubscriptionAsync(new Subscription(topic.Id, "mail-reader"), cancellationToken);
        await subscribers.UpsertSubscriptionAsync(new Subscription(topic.Id, "teams-room"), cancellationToken);
    }

    /// <summary>Registers a feed source.</summary>
    public Task AddSourceAsync(FeedSource source, CancellationToken cancellationToken) =>
        Services.GetRequiredService<ISourceStore>().UpsertAsync(source, cancellationToken);

    /// <summary>A queue client (Base64, as triggers expect) on one of this test's queues.</summary>
    public QueueClient Queue(string name) => Services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);

    /// <summary>Parks a message in a queue's poison queue, as the Functions host does after the last retry.</summary>
    public async Task ParkAsync(string queueName, string message, CancellationToken cancellationToken)
    {
        var poison = Queue(queueName + StorageNames.PoisonSuffix);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message, cancellationToken);
    }

    /// <summary>Fires the ingestion timer and waits until the pipeline is idle.</summary>
    public async Task IngestAndWaitAsync(CancellationToken cancellationToken)
    {
        await Host.RunNowAsync("IngestFeeds", cancellationToken);
        await WaitIdleAsync(cancellationToken);
    }

    /// <summary>Waits until no function runs and the queues are empty.</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        var idle = await Host.WaitForIdleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90), cancellationToken);
        Assert.True(idle, "The pipeline did not become idle within 90 seconds.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Webhooks.DisposeAsync();
    }
}
