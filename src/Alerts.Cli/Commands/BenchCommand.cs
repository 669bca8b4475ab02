using System.CommandLine;
using Alerts.Cli.Benchmarks;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts bench pipeline</c>: the whole pipeline on a private Azurite with the local inbox and webhook listener,
/// measured against the ceiling of its storage in the same run (docs/performance.md explains every line it prints).
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles pushed through the pipeline at full speed.", DefaultValueFactory = _ => 2_000 };
        var topics = new Option<int>("--topics") { Description = "Generated topics, written like the samples.", DefaultValueFactory = _ => 1_000 };
        var subscribers = new Option<int>("--subscribers") { Description = "Subscribers, each following one topic (a tenth by e-mail, the rest by signed webhook).", DefaultValueFactory = _ => 10_000 };
        var soakMinutes = new Option<int>("--soak-minutes") { Description = "Run a soak of this many minutes afterwards, printing memory each minute (0: none)." };
        var soakRate = new Option<int?>("--soak-rate") { Description = "Articles per second during the soak (default: a quarter of the sustained rate)." };
        var maxPollingMs = new Option<int?>("--max-polling-ms") { Description = "Longest idle queue polling interval, in milliseconds (default: host.json's)." };
        var feedItems = new Option<int>("--feed-items-per-day") { Description = "New items a polled source publishes per day, for the feed traffic figure.", DefaultValueFactory = _ => 48 };
        var storagePrice = new Option<decimal?>("--storage-price-per-10k") { Description = "Price of 10,000 storage transactions on the day, to print money per million articles." };
        var languagePrice = new Option<decimal?>("--language-price-per-1k") { Description = "Price of 1,000 Azure AI Language text records on the day." };
        var pipeline = new Command("pipeline", "Push articles through intake, scoring and delivery on a private Azurite and report throughput, latency, the storage ceiling and the cost of an article.")
        {
            articles, topics, subscribers, soakMinutes, soakRate, maxPollingMs, feedItems, storagePrice, languagePrice,
        };
        foreach (var count in new[] { articles, topics, subscribers })
        {
            count.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{result.Option.Name} must be at least 1.");
                }
            });
        }

        pipeline.SetAction(async (parseResult, _) => await PipelineBenchmark.RunAsync(
            new PipelineBenchSettings
            {
                Articles = parseResult.GetValue(articles),
                Topics = parseResult.GetValue(topics),
                Subscribers = parseResult.GetValue(subscribers),
                SoakMinutes = parseResult.GetValue(soakMinutes),
                SoakRate = parseResult.GetValue(soakRate),
                MaxPollingMs = parseResult.GetValue(maxPollingMs),
                FeedItemsPerDay = parseResult.GetValue(feedItems),
                StoragePricePer10k = parseResult.GetValue(storagePrice),
                LanguagePricePer1k = parseResult.GetValue(languagePrice),
            },
            Console.Out));
        return new Command("bench", "Measure the pipeline on this machine.") { pipeline };
    }
}
