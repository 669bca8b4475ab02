using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.Infrastructure.Storage;
using Alerts.LocalDev.Azurite;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Benchmarks;

/// <summary>What <c>alerts bench pipeline</c> runs: sizes, the soak, polling, and optional prices to turn counts into money.</summary>
internal sealed record PipelineBenchSettings
{
    public int Articles { get; init; } = 2_000;

    public int Topics { get; init; } = 1_000;

    public int Subscribers { get; init; } = 10_000;

    public int SoakMinutes { get; init; }

    public double? SoakRate { get; init; }

    public int? MaxPollingMs { get; init; }

    public int FeedItemsPerDay { get; init; } = 48;

    public decimal? QueuePricePer10k { get; init; }

    public decimal? TablePricePer10k { get; init; }

    public decimal? LanguagePricePer1k { get; init; }
}

/// <summary>
/// The whole pipeline on Azurite: N articles pushed through intake, scoring and delivery to a local SMTP inbox and
/// webhook listener, with generated topics and subscriptions; beside it, in the same run and with the same client
/// settings, the raw ceiling of the transport (queue send, receive + delete; table insert-if-absent, point read) and
/// what more queues and consumers buy. Reports throughput, latency from intake to delivery, CPU and memory, and the
/// cost of an article: storage transactions per article and per notification, bytes a polled source costs per day
/// with and without conditional GET, and Azure AI Language records per article with enrichment on.
/// </summary>
internal static class PipelineBenchmark
{
    private const int Workers = TransportCeiling.Workers;

    public static async Task<int> RunAsync(PipelineBenchSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        void Say(FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        var (corpus, source) = BenchCorpus.Load(int.MaxValue);
        var queueSettings = QueueSettings(settings);
        Say($"Pipeline benchmark on Azurite ({source}, {settings.Articles:N0} articles, {settings.Topics:N0} topics, {settings.Subscribers:N0} subscribers, {Environment.ProcessorCount} cores, idle queues polled at most every {queueSettings.MaxPollingInterval.TotalSeconds:0.0#} s)");

        // The transport's ceiling on an emulator of its own: the thousands of messages it sends would otherwise stall
        // the pipeline's emulator for most of a minute when it sweeps their storage away (see docs/performance.md).
        TransportCeiling ceiling;
        await using (var transport = await StartAzuriteAsync(cancellationToken))
        {
            if (transport is null)
            {
                return 2;
            }

            var (transportQueues, transportTables) = Clients(transport, counter: null);
            ceiling = await TransportCeiling.MeasureAsync(transportQueues, transportTables, 2_000);
            Say($"  ceiling (same clients, {Workers} at a time): queue send {ceiling.Send:N0}/s, receive+delete {ceiling.ReceiveDelete:N0}/s; table insert-if-absent {ceiling.Insert:N0}/s, point read {ceiling.Read:N0}/s");
            var sweep = await TransportCeiling.ConsumerSweepAsync(transportQueues, 1_000);
            Say($"  more queues and consumers, receive+delete: {string.Join("; ", sweep.Select(s => $"{s.Shape} {s.PerSecond:N0}/s"))}");
        }

        var pipeline = await RunPipelineAsync(settings, Say, corpus, queueSettings, ceiling, cancellationToken);
        if (pipeline is null)
        {
            return 2;
        }

        // The transport alone doing the run's storage operations, on an emulator of its own like the ceiling's: how
        // much of what the storage could do for this pipeline the pipeline reached.
        await using (var transport = await StartAzuriteAsync(cancellationToken))
        {
            if (transport is null)
            {
                return 2;
            }

            var (transportQueues, transportTables) = Clients(transport, counter: null);
            var replay = await TransportCeiling.ReplayAsync(transportQueues, transportTables, pipeline.PerArticle, settings.Articles);
            Say($"  the transport alone doing the run's storage operations ({replay.Requests / (double)settings.Articles:0.0} requests per article, {Workers} at a time, new tables): {replay.ArticlesPerSecond:0.0} articles/s; the pipeline reached {pipeline.Sustained / replay.ArticlesPerSecond:P0} of it");
        }

        return 0;
    }

    private sealed record PipelineRun(double Sustained, IReadOnlyDictionary<string, double> PerArticle);

    // The pipeline on an emulator of its own: sustained, at half load, what an article costs, and the soak. Null when
    // the emulator cannot start.
    private static async Task<PipelineRun?> RunPipelineAsync(PipelineBenchSettings settings, Action<FormattableString> say, List<(string Title, string Body)> corpus, QueueHostSettings queueSettings, TransportCeiling ceiling, CancellationToken cancellationToken)
    {
        await using var azurite = await StartAzuriteAsync(cancellationToken);
        if (azurite is null)
        {
            return null;
        }

        var counter = new TransactionCounter { QueuePort = azurite.QueuePort };
        var (queues, tables) = Clients(azurite, counter);

        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions(), cancellationToken);
        await using var webhooks = await WebhookSink.StartAsync(new WebhookSinkOptions(), cancellationToken);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var appSettings = PrivateStorageNames.Settings(azurite.ConnectionString, runId);
        foreach (var (key, value) in smtp.ChannelSettings("alerts@bench.localhost"))
        {
            appSettings[key] = value;
        }

        appSettings["Alerts:Http:AllowPrivateNetworks"] = "true";
        appSettings["Alerts:Scoring:RefreshIntervalSeconds"] = "5";
        appSettings["Alerts:PublicBaseUrl"] = "https://alerts.example.org";
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            ReadLocalSettings = false,
            MinimumLogLevel = LogLevel.Warning,
            QueueSettings = queueSettings,
            Settings = appSettings,
            ConfigureServices = services =>
            {
                // The app's clients and the local host's trigger client, all counted.
                services.AddSingleton(queues);
                services.AddSingleton(tables);
                services.AddKeyedSingleton("triggers", queues);
            },
        });
        await host.StartAsync(cancellationToken);
        var topics = new TopicGenerator(corpus, seed: 11).Generate(settings.Topics).Select(t => t.Topic).ToList();
        await SeedAsync(host.Services, topics, settings.Subscribers, webhooks.Url("hook").AbsoluteUri);
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "api/"), Timeout = TimeSpan.FromMinutes(5) };

        // Sustained: everything pushed as fast as the API takes it, measured until the pipeline is idle.
        counter.Reset();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var latency = new LatencyRecorder();
        var full = await PushAndDrainAsync(host, api, corpus, 0, settings.Articles, pace: null, cancellationToken);
        latency.Dispose();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / full.Elapsed.TotalSeconds;
        process.Refresh();
        var transactions = counter.Snapshot();
        var byResource = counter.ByResource();
        var notifications = latency.Count;
        var sustained = settings.Articles / full.Elapsed.TotalSeconds;
        var messages = settings.Articles + notifications;
        var perArticle = counter.Total / (double)settings.Articles;
        say($"  pipeline: {settings.Articles:N0} articles in {full.Elapsed.TotalSeconds:0.0} s = {sustained:0.0} articles/s, {notifications:N0} notifications = {notifications / full.Elapsed.TotalSeconds:0.0}/s");
        say($"  queue messages handled (articles + deliveries): {messages / full.Elapsed.TotalSeconds:0.0}/s = {messages / full.Elapsed.TotalSeconds / ceiling.ReceiveDelete:P0} of the receive+delete ceiling");
        say($"  intake to delivery: {latency.Percentiles()}");
        say($"  host: CPU {cpu:0.00} cores on average, working set {process.WorkingSet64 / 1_048_576.0:0} MiB, peak {process.PeakWorkingSet64 / 1_048_576.0:0} MiB");
        say($"  by queue and table: {string.Join(", ", byResource.OrderByDescending(t => t.Value).Select(t => $"{ResourceName(t.Key, runId)} {t.Value:N0}"))}");
        say($"  storage transactions: {perArticle:0.0} per article all told ({string.Join(", ", transactions.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value:N0}"))}); {(notifications == 0 ? 0 : (double)counter.Total / notifications):0.0} per notification");

        // At half that load: the latency a subscriber sees when the pipeline is not saturated.
        var halfLatency = new LatencyRecorder();
        var half = await PushAndDrainAsync(host, api, corpus, settings.Articles, Math.Max(50, settings.Articles / 4), pace: sustained / 2, cancellationToken);
        halfLatency.Dispose();
        say($"  at half load ({sustained / 2:0.0} articles/s for {half.Pushed} articles): intake to delivery {halfLatency.Percentiles()}");

        await CostAsync(settings, say, corpus, topics, transactions, settings.Articles, cancellationToken);
        if (settings.SoakMinutes > 0)
        {
            // Azurite's table queries slow as its tables grow, so a long soak is paced below the short run's half load.
            var soakRate = settings.SoakRate ?? Math.Max(1, sustained / 4);
            await SoakAsync(host, api, say, corpus, settings.Articles + half.Pushed, settings.SoakMinutes, soakRate, cancellationToken);
        }

        return new PipelineRun(sustained, transactions.ToDictionary(t => t.Key, t => t.Value / (double)settings.Articles, StringComparer.Ordinal));
    }

    // "table POST t1a2b3c4dstoryclusters" as "table POST storyclusters", "queue GET a1a2b3c4d" as "queue GET articles".
    private static string ResourceName(string key, string runId) => key
        .Replace($" t{runId}", " ", StringComparison.Ordinal)
        .Replace($" a{runId}", " articles", StringComparison.Ordinal)
        .Replace($" d{runId}", " deliveries", StringComparison.Ordinal)
        .Replace($" f{runId}", " feeds", StringComparison.Ordinal)
        .Replace($" g{runId}", " digests", StringComparison.Ordinal);

    // What an article costs beyond the storage transactions counted above: feed traffic and Language records, and
    // money for each of them whose price of the day is given.
    private static async Task CostAsync(PipelineBenchSettings settings, Action<FormattableString> say, List<(string Title, string Body)> corpus, List<WatchTopic> topics, IReadOnlyDictionary<string, long> transactions, int articles, CancellationToken cancellationToken)
    {
        var feed = await FeedTraffic.MeasureAsync(corpus, settings.FeedItemsPerDay, cancellationToken);
        var (withValidators, without) = (feed.Conditional, feed.Unconditional);
        say($"  one polled source for a day ({FeedTraffic.PollsPerDay} polls, {feed.ItemsPerDay} new items, a {feed.FeedBytes / 1024.0:0.0} KiB feed, {feed.CompressedFeedBytes / 1024.0:0.0} KiB compressed), requests and answers: conditional GET {withValidators.Bytes / 1024.0:N0} KiB ({withValidators.FullResponses} full, {withValidators.NotModified} not modified), without {without.Bytes / 1024.0:N0} KiB ({without.FullResponses} full) = {(double)without.Bytes / withValidators.Bytes:0.0}x");
        var language = await LanguageRecords.CountAsync(corpus, topics, cancellationToken);
        var recordsPerArticle = language.Records / (double)language.Articles;
        say($"  Azure AI Language with enrichment on (the whole corpus against the generated topics): {language.Sent:N0} of {language.Articles:N0} articles sent ({(double)language.Sent / language.Articles:P1}), {recordsPerArticle:0.000} text records per ingested article");

        var queue = transactions.Where(t => t.Key.StartsWith("queue", StringComparison.Ordinal)).Sum(t => t.Value) / (decimal)articles;
        var table = transactions.Where(t => t.Key.StartsWith("table", StringComparison.Ordinal)).Sum(t => t.Value) / (decimal)articles;
        string Money(decimal perArticle, decimal unit, decimal? price) => price is { } p ? (perArticle * 1_000_000m / unit * p).ToString("N2", CultureInfo.InvariantCulture) : "not priced";
        if (settings.QueuePricePer10k is not null || settings.TablePricePer10k is not null || settings.LanguagePricePer1k is not null)
        {
            var total = (settings.QueuePricePer10k ?? 0) * queue * 100m + (settings.TablePricePer10k ?? 0) * table * 100m + (settings.LanguagePricePer1k ?? 0) * (decimal)recordsPerArticle * 1_000m;
            say($"  per million articles, in the currency of the prices given: queue transactions ({queue:0.0} per article) {Money(queue, 10_000m, settings.QueuePricePer10k)}, table transactions ({table:0.0}) {Money(table, 10_000m, settings.TablePricePer10k)}, Language records {Money((decimal)recordsPerArticle, 1_000m, settings.LanguagePricePer1k)}; total of those priced {total:N2}");
        }
    }

    // Steady load for several minutes, a minute at a time: memory after each minute shows whether it grows without bound.
    private static async Task SoakAsync(LocalFunctionsHost host, HttpClient api, Action<FormattableString> say, List<(string Title, string Body)> corpus, int from, int minutes, double rate, CancellationToken cancellationToken)
    {
        say($"  soak: {minutes} minutes at {rate:0.0} articles/s, each minute's articles drained before the next");
        var perMinute = Math.Max(20, (int)(rate * 60));
        var process = Process.GetCurrentProcess();
        for (var minute = 1; minute <= minutes; minute++)
        {
            using var minuteLatency = new LatencyRecorder();
            var run = await PushAndDrainAsync(host, api, corpus, from, perMinute, pace: rate, cancellationToken);
            from += run.Pushed;
            process.Refresh();
            var heap = GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0;
            say($"    minute {minute}: {run.Pushed} articles in {run.Elapsed.TotalSeconds:0} s, working set {process.WorkingSet64 / 1_048_576.0:0} MiB, managed heap after a full collection {heap:0} MiB; intake to delivery {minuteLatency.Percentiles()}");
        }
    }

    // A private, in-memory emulator, or null (said on the error stream) when it cannot start.
    private static async Task<AzuriteInstance?> StartAzuriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await AzuriteInstance.StartInMemoryAsync(_ => { }, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"bench: could not start Azurite: {e.Message}");
            return null;
        }
    }

    // The app's storage clients for an emulator, counting every request when a counter is given.
    private static (QueueServiceClient Queues, TableServiceClient Tables) Clients(AzuriteInstance azurite, TransactionCounter? counter)
    {
        var storage = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
        Action<ClientOptions>? counted = counter is null ? null : o => o.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return (StorageClients.CreateQueueServiceClient(storage, counted), StorageClients.CreateTableServiceClient(storage, counted));
    }

    // host.json's queue settings, with --max-polling-ms to try another idle polling interval.
    private static QueueHostSettings QueueSettings(PipelineBenchSettings settings)
    {
        var hostSettings = QueueHostSettings.Load(QueueHostSettings.DefaultPath);
        return settings.MaxPollingMs is { } ms ? hostSettings with { MaxPollingInterval = TimeSpan.FromMilliseconds(ms) } : hostSettings;
    }

    // Topics generated like the samples from the corpus' own words; every subscriber follows one topic, a tenth by
    // e-mail and the rest by signed webhook.
    private static async Task SeedAsync(IServiceProvider services, List<WatchTopic> topics, int subscriberCount, string hook)
    {
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

    private static async Task<Run> PushAndDrainAsync(LocalFunctionsHost host, HttpClient api, List<(string Title, string Body)> corpus, int from, int count, double? pace, CancellationToken cancellationToken)
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
                (await api.PostAsJsonAsync("articles", items, cancellationToken)).EnsureSuccessStatusCode();
                if (pace is { } rate)
                {
                    var due = TimeSpan.FromSeconds((b + 1) * Batch / rate);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed, cancellationToken);
                    }
                }
            }
        }));
        await host.WaitForIdleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(30), cancellationToken);
        return new Run(clock.Elapsed - TimeSpan.FromSeconds(2), count);
    }
}
