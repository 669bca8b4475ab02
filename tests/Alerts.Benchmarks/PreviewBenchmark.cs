using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Benchmarks;
using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Serialization;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;
using Alerts.Infrastructure.Storage;
using Alerts.LocalDev.Azurite;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Benchmarks;

/// <summary>
/// The workbench's store and preview on Azurite: N articles (the news corpus, cycled with unique keys, first seen over
/// 14 days) written through the app's adapter; their stored size; a scan of all of them; and previews of the sample
/// topics over the newest 10,000, against a baseline in the same run that verifies every article without the
/// index's presearch.
/// </summary>
internal static class PreviewBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length >= 2 && args[0] == "--articles" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var (corpus, source) = BenchCorpus.Load(int.MaxValue);
        await using var azurite = await AzuriteInstance.StartInMemoryAsync(Console.Error.WriteLine, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alerts:Storage:TablePrefix"] = "bench",
        }).Build();
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddAlertsStorage(configuration).BuildServiceProvider();
        var names = services.GetRequiredService<StorageNames>();
        await services.GetRequiredService<TableServiceClient>().GetTableClient(names.RecentArticlesTable).CreateIfNotExistsAsync();
        var recent = services.GetRequiredService<IRecentArticles>();

        // Oldest first, so the newest 10,000 are the last written.
        var now = DateTimeOffset.UtcNow;
        var articles = Enumerable.Range(0, total).Select(i =>
        {
            var (title, body) = corpus[i % corpus.Count];
            var seen = now - TimeSpan.FromDays(14) * (total - i) / (total + 1.0);
            return new Article($"a{i:D7}", "wire", title, $"https://news.example.org/{i}", body, null, seen) { FirstSeen = seen, SourceName = "Wire" };
        }).ToList();
        var bytes = articles.Sum(a => (long)JsonSerializer.SerializeToUtf8Bytes(a, AlertsJsonContext.Default.Article).Length);

        var writing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (article, ct) => await recent.AddAsync(article, ct));
        writing.Stop();

        var scanning = Stopwatch.StartNew();
        var scanned = await recent.ListSinceAsync(now.AddDays(-15), CancellationToken.None).CountAsync();
        scanning.Stop();

        var newest = articles[^Math.Min(10_000, total)].FirstSeen;
        var reading = Stopwatch.StartNew();
        var window = await recent.ListSinceAsync(newest, CancellationToken.None).ToListAsync();
        reading.Stop();

        Console.WriteLine($"Preview store and preview on Azurite ({source}, {total:N0} articles, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"  write through the adapter (16 at a time): {writing.Elapsed.TotalSeconds:0.0} s, {total / writing.Elapsed.TotalSeconds:N0} articles/s");
        Console.WriteLine($"  stored JSON: {bytes / 1_048_576.0:0.0} MiB, {bytes / total:N0} bytes per article (content cut at {IRecentArticles.MaxContentChars:N0} characters)");
        Console.WriteLine($"  scan of all {scanned:N0}: {scanning.Elapsed.TotalSeconds:0.00} s, {scanned / scanning.Elapsed.TotalSeconds:N0} articles/s");
        Console.WriteLine($"  read of the newest {window.Count:N0}: {reading.Elapsed.TotalMilliseconds:N0} ms");
        Console.WriteLine("  topic                                preview (score)   baseline: verify every article   alerts  near misses");
        foreach (var topic in SampleTopics.All)
        {
            TopicPreview.Run(topic, window.Take(200)); // warm-up
            var preview = TopicPreview.Run(topic, window);
            var baseline = Stopwatch.StartNew();
            var compiled = CompiledTopic.Compile(topic, Gazetteer.Default);
            var matched = 0;
            foreach (var article in window)
            {
                var document = ArticleText.Analyze(article);
                if (TopicEvaluator.Evaluate(compiled, document, () => new ArticleEntities(document, Gazetteer.Default)) is { Alert: true })
                {
                    matched++;
                }
            }

            baseline.Stop();
            Console.WriteLine($"  {topic.Id,-36} {preview.Elapsed.TotalMilliseconds,8:N0} ms       {baseline.Elapsed.TotalMilliseconds,8:N0} ms ({matched} alerts)        {preview.Alerts.Count + preview.MoreAlerts,6}  {preview.NearMisses.Count + preview.MoreNearMisses,6}");
        }

        Console.WriteLine($"  a preview of the newest {window.Count:N0} answers in reading + scoring: {reading.Elapsed.TotalMilliseconds:N0} ms + the scoring time above");
        return 0;
    }
}
