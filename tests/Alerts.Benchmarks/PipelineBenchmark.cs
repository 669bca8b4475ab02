using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Storage;
using Alerts.LocalDev.Azurite;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace Alerts.Benchmarks;

/// <summary>
/// The whole pipeline on Azurite: N articles pushed through intake, scoring and delivery to a local SMTP inbox and
/// webhook listener, with generated topics and subscriptions; beside it, in the same run and with the same client
/// settings, the raw ceiling of the transport (queue send, receive + delete; table insert-if-absent, point read).
/// Reports throughput, latency from intake to delivery, CPU and memory, storage transactions per article and per
/// notification, and the pipeline as a fraction of the ceiling.
/// </summary>
internal static class PipelineBenchmark
{
    private const int Workers = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var articleCount = Option(args, "--articles", 2_000);
        var topicCount = Option(args, "--topics", 1_000);
        var subscriberCount = Option(args, "--subscribers", 10_000);
        var (corpus, source) = BenchCorpus.Load(int.MaxValue);
        await using var azurite = await AzuriteInstance.StartInMemoryAsync(_ => { }, CancellationToken.None);
        var counter = new TransactionCounter { QueuePort = azurite.QueuePort };
        var storage = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
        var queues = StorageClients.CreateQueueServiceClient(storage, o => o.AddPolicy(counter, HttpPipelinePosition.PerRetry));
        var tables = StorageClients.CreateTableServiceClient(storage, o => o.AddPolicy(counter, HttpPipelinePosition.PerRetry));

        var queueSettings = QueueSettings(args);
        Console.WriteLine($"Pipeline benchmark on Azurite ({source}, {articleCount:N0} articles, {topicCount:N0} topics, {subscriberCount:N0} subscribers, {Environment.ProcessorCount} cores, idle queues polled at most every {queueSettings.MaxPollingInterval.TotalSeconds:0.0#} s)");
        var ceiling = await CeilingAsync(queues, tables, 2_000);
        Console.WriteLine($"  ceiling (same clients, {Workers} at a time): queue send {ceiling.Send:N0}/s, receive+delete {ceiling.ReceiveDelete:N0}/s; table insert-if-absent {ceiling.Insert:N0}/s, point read {ceiling.Read:N0}/s");

        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions());
        await using var webhooks = await WebhookSink.StartAsync(new WebhookSinkOptions());
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            ReadLocalSettings = false,
            MinimumLogLevel = LogLevel.Warning,
            QueueSettings = queueSettings,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["FeedsToFetchQueueName"] = $"f{id}",
                ["ArticlesQueueName"] = $"a{id}",
                ["DeliveriesQueueName"] = $"d{id}",
                ["DigestsQueueName"] = $"g{id}",
                ["Alerts:Storage:TablePrefix"] = $"t{id}",
                ["Alerts:Smtp:Host"] = smtp.Host,
                ["Alerts:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Alerts:Smtp:Security"] = "None",
                ["Alerts:Smtp:FromAddress"] = "alerts@bench.localhost",
                ["Alerts:Http:AllowPrivateNetworks"] = "true",
                ["Alerts:Scoring:RefreshIntervalSeconds"] = "5",
                ["Alerts:PublicBaseUrl"] = "https://alerts.example.org",
            },
            ConfigureServices = services =>
            {
                // The app's clients and the local host's trigger client, all counted.
                services.AddSingleton(queues);
                services.AddSingleton(tables);
                services.AddKeyedSingleton("triggers", StorageClients.CreateQueueServiceClient(storage, o => o.AddPolicy(counter, HttpPipelinePosition.PerRetry)));
            },
        });
        await host.StartAsync(CancellationToken.None);
        await SeedAsync(host.Services, corpus, topicCount, subscriberCount, webhooks.Url("hook").AbsoluteUri);
        var meters = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var latency = new MetricCollector<double>(meters, AlertsMetrics.MeterName, "alerts.delivery.since_ingested");
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "api/"), Timeout = TimeSpan.FromMinutes(5) };

        // Sustained: everything pushed as fast as the API takes it, measured until the pipeline is idle.
        counter.Reset();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var full = await PushAndDrainAsync(host, api, corpus, 0, articleCount, pace: null);
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / full.Elapsed.TotalSeconds;
        process.Refresh();
        var transactions = counter.Snapshot();
        var notifications = latency.GetMeasurementSnapshot().Count;
        var sustained = articleCount / full.Elapsed.TotalSeconds;
        var messages = articleCount + notifications;
        Console.WriteLine($"  pipeline: {articleCount:N0} articles in {full.Elapsed.TotalSeconds:0.0} s = {sustained:0.0} articles/s, {notifications:N0} notifications = {notifications / full.Elapsed.TotalSeconds:0.0}/s");
        Console.WriteLine($"  queue messages handled (articles + deliveries): {messages / full.Elapsed.TotalSeconds:0.0}/s = {messages / full.Elapsed.TotalSeconds / ceiling.ReceiveDelete:P0} of the receive+delete ceiling");
        Console.WriteLine($"  intake to delivery: {Percentiles(latency.GetMeasurementSnapshot().Select(m => m.Value).ToList())}");
        Console.WriteLine($"  host: CPU {cpu:0.00} cores on average, working set {process.WorkingSet64 / 1_048_576.0:0} MiB, peak {process.PeakWorkingSet64 / 1_048_576.0:0} MiB");
        Console.WriteLine($"  storage transactions: {counter.Total / (double)articleCount:0.0} per article all told ({string.Join(", ", transactions.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value:N0}"))}); {(notifications == 0 ? 0 : (double)counter.Total / notifications):0.0} per notification");

        // At half that load: the latency a subscriber sees when the pipeline is not saturated.
        using var halfLatency = new MetricCollector<double>(meters, AlertsMetrics.MeterName, "alerts.delivery.since_ingested");
        var half = await PushAndDrainAsync(host, api, corpus, articleCount, Math.Max(50, articleCount / 4), pace: sustained / 2);
        Console.WriteLine($"  at half load ({sustained / 2:0.0} articles/s for {half.Pushed} articles): intake to delivery {Percentiles(halfLatency.GetMeasurementSnapshot().Select(m => m.Value).ToList())}");

        var soakMinutes = Option(args, "--soak-minutes", 0);
        if (soakMinutes > 0)
        {
            // Azurite's table queries slow as its tables grow, so a long soak is paced below the short run's half load.
            var soakRate = Option(args, "--soak-rate", (int)Math.Max(1, sustained / 4));
            await SoakAsync(host, api, meters, corpus, articleCount + half.Pushed, soakMinutes, soakRate);
        }

        return 0;
    }

    // Half load for several minutes, a minute at a time: memory after each minute shows whether it grows without bound.
    private static async Task SoakAsync(LocalFunctionsHost host, HttpClient api, System.Diagnostics.Metrics.IMeterFactory meters, List<(string Title, string Body)> corpus, int from, int minutes, double rate)
    {
        Console.WriteLine($"  soak: {minutes} minutes at {rate:0.0} articles/s, each minute's articles drained before the next");
        var perMinute = Math.Max(20, (int)(rate * 60));
        var process = Process.GetCurrentProcess();
        for (var minute = 1; minute <= minutes; minute++)
        {
            using var minuteLatency = new MetricCollector<double>(meters, AlertsMetrics.MeterName, "alerts.delivery.since_ingested");
            var run = await PushAndDrainAsync(host, api, corpus, from, perMinute, pace: rate);
            from += run.Pushed;
            process.Refresh();
            var heap = GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    minute {minute}: {run.Pushed} articles in {run.Elapsed.TotalSeconds:0} s, working set {process.WorkingSet64 / 1_048_576.0:0} MiB, managed heap after a full collection {heap:0} MiB; intake to delivery {Percentiles(minuteLatency.GetMeasurementSnapshot().Select(m => m.Value).ToList())}"));
        }
    }

    // host.json's queue settings, with --max-polling-ms to try another idle polling interval.
    private static QueueHostSettings QueueSettings(string[] args)
    {
        var settings = QueueHostSettings.Load(QueueHostSettings.DefaultPath);
        var pollingMs = Option(args, "--max-polling-ms", 0);
        return pollingMs > 0 ? settings with { MaxPollingInterval = TimeSpan.FromMilliseconds(pollingMs) } : settings;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Percentiles(List<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return "no deliveries";
        }

        seconds.Sort();
        double At(double p) => seconds[Math.Min(seconds.Count - 1, (int)Math.Ceiling(p * seconds.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):0.00} s, p95 {At(0.95):0.00} s, p99 {At(0.99):0.00} s, max {seconds[^1]:0.00} s ({seconds.Count:N0} deliveries)");
    }

    private sealed record Ceiling(double Send, double ReceiveDelete, double Insert, double Read);

    private static async Task<Ceiling> CeilingAsync(QueueServiceClient queues, TableServiceClient tables, int count)
    {
        var queue = queues.GetQueueClient("ceiling");
        await queue.CreateIfNotExistsAsync();
        var body = new string('x', 120);
        var send = await TimeAsync(count, async _ => await queue.SendMessageAsync(body));
        var received = 0;
        var receiving = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (Volatile.Read(ref received) < count)
            {
                var batch = (await queue.ReceiveMessagesAsync(16)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    Interlocked.Increment(ref received);
                }
            }
        }));
        receiving.Stop();

        var table = tables.GetTableClient("ceiling");
        await table.CreateIfNotExistsAsync();
        var insert = await TimeAsync(count, async i => await table.AddEntityAsync(new TableEntity("p", i.ToString("D6", CultureInfo.InvariantCulture)) { ["Json"] = body }));
        var read = await TimeAsync(count, async i => await table.GetEntityIfExistsAsync<TableEntity>("p", i.ToString("D6", CultureInfo.InvariantCulture)));
        return new Ceiling(count / send.TotalSeconds, received / receiving.Elapsed.TotalSeconds, count / insert.TotalSeconds, count / read.TotalSeconds);
    }

    private static async Task<TimeSpan> TimeAsync(int count, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
        return clock.Elapsed;
    }

    // Topics generated like the samples from the corpus' own words; every subscriber follows one topic, a tenth by
    // e-mail and the rest by signed webhook.
    private static async Task SeedAsync(IServiceProvider services, List<(string Title, string Body)> corpus, int topicCount, int subscriberCount, string hook)
    {
        var topics = new TopicGenerator(corpus, seed: 11).Generate(topicCount).Select(t => t.Topic).ToList();
        var topicStore = services.GetRequiredService<ITopicStore>();
        var subscriberStore = services.GetRequiredService<ISubscriberStore>();
        await Parallel.ForEachAsync(topics, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (topic, ct) => await topicStore.UpsertAsync(topic, ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, subscriberCount), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, ct) =>
        {
            var subscriber = i % 10 == 0
                ? new Subscriber($"s{i}", $"Reader {i}", ChannelKind.Email, $"reader{i}@example.org")
                : new Subscriber($"s{i}", $"Hook {i}", ChannelKind.Webhook, hook) { Secret = "bench-signing-secret-0123456789" };
            await subscriberStore.UpsertAsync(subscriber, ct);
            await subscriberStore.UpsertSubscriptionAsync(new Subscription(topics[i % topics.Count].Id, subscriber.Id), ct);
        });
    }

    private sealed record Run(TimeSpan Elapsed, int Pushed);

    private static async Task<Run> PushAndDrainAsync(LocalFunctionsHost host, HttpClient api, List<(string Title, string Body)> corpus, int from, int count, double? pace)
    {
        const int Batch = 20;
        var clock = Stopwatch.StartNew();
        var batches = new ConcurrentQueue<int>(Enumerable.Range(0, (count + Batch - 1) / Batch));
        await Task.WhenAll(Enumerable.Range(0, pace is null ? 4 : 1).Select(async _ =>
        {
            while (batches.TryDequeue(out var b))
            {
                var items = Enumerable.Range(from + (b * Batch), Math.Min(Batch, count - (b * Batch))).Select(i =>
                {
                    var (title, body) = corpus[i % corpus.Count];
                    return new { title = $"{title} ({i})", link = $"https://news.example.org/bench/{i}", summary = body };
                }).ToList();
                (await api.PostAsJsonAsync("articles", items)).EnsureSuccessStatusCode();
                if (pace is { } rate)
                {
                    var due = TimeSpan.FromSeconds((b + 1) * Batch / rate);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed);
                    }
                }
            }
        }));
        await host.WaitForIdleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(30), CancellationToken.None);
        return new Run(clock.Elapsed - TimeSpan.FromSeconds(2), count);
    }
}
