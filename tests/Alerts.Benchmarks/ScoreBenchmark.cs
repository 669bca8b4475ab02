using System.Diagnostics;
using System.Globalization;
using Alerts.Cli.Benchmarks;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index.Memory;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Util;

namespace Alerts.Benchmarks;

/// <summary>
/// Scores real article text against generated topics on one thread and compares, in the same run, the topic
/// index with (a) evaluating every topic with the same engine and (b) Lucene.Net MemoryIndex with one parsed
/// query per topic. Baselines run on a sample of articles when the topic count makes them slow.
/// </summary>
internal static class ScoreBenchmark
{
    public static int Run(string[] args)
    {
        var topicCounts = new[] { 1_000, 10_000, 100_000 };
        var maxArticles = 7_600;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--topics")
            {
                topicCounts = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            }
            else if (args[i] == "--articles")
            {
                maxArticles = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var (articles, source) = BenchCorpus.Load(maxArticles);
        Console.WriteLine($"Articles: {articles.Count} from {source}; one thread; .NET {Environment.Version}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        var generator = new TopicGenerator(articles, seed: 42);
        var all = generator.Generate(topicCounts.Max());
        Console.WriteLine($"Generated {all.Count} topics from {generator.VocabularySize} mid-frequency corpus words; examples:");
        foreach (var sample in all.Take(5))
        {
            Console.WriteLine($"  {sample.Topic.Query}    |    lucene: {sample.Lucene}");
        }

        Warmup(articles, all);
        var analysis = Stopwatch.StartNew();
        foreach (var (title, body) in articles)
        {
            _ = new AnalyzedDocument(title, body);
        }

        Console.WriteLine($"Analysis alone: {articles.Count / analysis.Elapsed.TotalSeconds:0} articles/s");
        analysis.Restart();
        foreach (var (title, body) in articles)
        {
            _ = TextAnalyzer.Analyze(title + " " + body);
        }

        Console.WriteLine($"Token stream alone: {articles.Count / analysis.Elapsed.TotalSeconds:0} articles/s");
        var rows = new List<string>();
        foreach (var count in topicCounts)
        {
            rows.Add(Measure(articles, all.Take(count).ToList()));
        }

        Console.WriteLine();
        Console.WriteLine("| topics | index build | index bytes/topic | indexed articles/s (wall / per CPU-s) | allocated/article | candidates/article | every-topic articles/s (sample) | MemoryIndex articles/s (sample) | speed-up vs every-topic (CPU) | speed-up vs MemoryIndex (CPU) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    // Other work on the machine slows wall-clock rates; the load average tells the reader how much.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static void Warmup(List<(string Title, string Body)> articles, List<GeneratedTopic> all)
    {
        var index = TopicIndex.Build(all.Take(500).Select(t => t.Topic), Gazetteer.Default, "warmup");
        foreach (var (title, body) in articles.Take(2_000))
        {
            TopicIndexScorer.Score(index, new AnalyzedDocument(title, body));
        }
    }

    private static string Measure(List<(string Title, string Body)> articles, List<GeneratedTopic> topics)
    {
        var n = topics.Count;
        Console.WriteLine();
        Console.WriteLine($"== {n} topics");

        // Index footprint: everything the index holds (compiled queries, resolved constraints, postings).
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var index = TopicIndex.Build(topics.Select(t => t.Topic), Gazetteer.Default, "bench");
        var build = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytesPerTopic = (after - before) / (double)n;
        Console.WriteLine($"index: {index.Count} topics, {index.KeyCount} keys, {index.UnindexedCount} unindexed, built in {build.TotalSeconds:0.00} s, {bytesPerTopic:0} bytes/topic");

        // Indexed scoring over every article.
        foreach (var (title, body) in articles.Take(500))
        {
            TopicIndexScorer.Score(index, new AnalyzedDocument(title, body));
        }

        long candidates = 0;
        foreach (var (title, body) in articles.Take(1_000))
        {
            candidates += index.Candidates(new AnalyzedDocument(title, body)).Count;
        }

        var alerts = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        foreach (var (title, body) in articles)
        {
            alerts += TopicIndexScorer.Score(index, new AnalyzedDocument(title, body)).Count(m => m.Alert);
        }

        var indexedSeconds = watch.Elapsed.TotalSeconds;
        var indexedCpuRate = articles.Count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var allocatedPerArticle = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)articles.Count;
        var indexedRate = articles.Count / indexedSeconds;
        Console.WriteLine($"indexed: {indexedRate:0} articles/s wall, {indexedCpuRate:0} articles per CPU-second, {allocatedPerArticle:0} bytes allocated/article, {candidates / (double)Math.Min(1_000, articles.Count):0.0} candidates/article, {alerts} alerts");

        // Baseline (a): the same engine, every topic verified for every article.
        var everySample = articles.Take(n <= 1_000 ? 400 : n <= 10_000 ? 60 : 10).ToList();
        var mismatches = 0;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        foreach (var (title, body) in everySample)
        {
            var document = new AnalyzedDocument(title, body);
            ArticleEntities? entities = null;
            var matched = 0;
            foreach (var topic in index.All)
            {
                if (TopicEvaluator.Evaluate(topic, document, () => entities ??= new ArticleEntities(document, Gazetteer.Default)) is not null)
                {
                    matched++;
                }
            }

            mismatches += Math.Abs(matched - TopicIndexScorer.Score(index, document).Count);
        }

        var everyRate = everySample.Count / watch.Elapsed.TotalSeconds;
        var everyCpuRate = everySample.Count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"every-topic baseline: {everyRate:0.0} articles/s on {everySample.Count} articles; {mismatches} disagreements with the index");

        // Baseline (b): Lucene.Net MemoryIndex, one parsed query per topic.
        var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        var parser = new QueryParser(LuceneVersion.LUCENE_48, "text", analyzer);
        watch.Restart();
        var queries = topics.Select(t => parser.Parse(t.Lucene)).ToList();
        var parseSeconds = watch.Elapsed.TotalSeconds;
        var luceneSample = articles.Take(n <= 1_000 ? 100 : n <= 10_000 ? 15 : 3).ToList();
        var luceneMatches = 0;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        foreach (var (title, body) in luceneSample)
        {
            var memory = new MemoryIndex();
            memory.AddField("title", title, analyzer);
            memory.AddField("text", title + "\n" + body, analyzer);
            foreach (var query in queries)
            {
                if (memory.Search(query) > 0)
                {
                    luceneMatches++;
                }
            }
        }

        var luceneRate = luceneSample.Count / watch.Elapsed.TotalSeconds;
        var luceneCpuRate = luceneSample.Count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"MemoryIndex baseline: {luceneRate:0.0} articles/s on {luceneSample.Count} articles ({luceneMatches} matches; {n} queries parsed in {parseSeconds:0.0} s)");
        GC.KeepAlive(index);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {n:N0} | {build.TotalSeconds:0.0} s | {bytesPerTopic:N0} | {indexedRate:N0} / {indexedCpuRate:N0} | {allocatedPerArticle:N0} B | {candidates / (double)Math.Min(1_000, articles.Count):0.0} | {everyRate:N1} / {everyCpuRate:N1} ({everySample.Count}) | {luceneRate:N1} / {luceneCpuRate:N1} ({luceneSample.Count}) | {indexedCpuRate / everyCpuRate:N0}x | {indexedCpuRate / luceneCpuRate:N0}x |");
    }
}
