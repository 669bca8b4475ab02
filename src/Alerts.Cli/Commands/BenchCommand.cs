using System.CommandLine;
using System.CommandLine.Parsing;
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
        var defaults = new PipelineBenchSettings();
        var articles = AtLeast(new Option<int>("--articles") { Description = "Articles pushed through the pipeline at full speed.", DefaultValueFactory = _ => defaults.Articles }, 1);
        var topics = AtLeast(new Option<int>("--topics") { Description = "Generated topics, written like the samples.", DefaultValueFactory = _ => defaults.Topics }, 1);
        var subscribers = AtLeast(new Option<int>("--subscribers") { Description = "Subscribers, each following one topic (a tenth by e-mail, the rest by signed webhook).", DefaultValueFactory = _ => defaults.Subscribers }, 1);
        var soakMinutes = AtLeast(new Option<int>("--soak-minutes") { Description = "Run a soak of this many minutes afterwards, printing memory each minute (0: none)." }, 0);
        var soakRate = AtLeast(new Option<double?>("--soak-rate") { Description = "Articles per second during the soak (default: a quarter of the sustained rate)." }, 0.1);
        var maxPollingMs = AtLeast(new Option<int?>("--max-polling-ms") { Description = "Longest idle queue polling interval, in milliseconds (default: host.json's)." }, 1);
        var feedItems = AtLeast(new Option<int>("--feed-items-per-day") { Description = "New items a polled source publishes per day, for the feed bytes figure.", DefaultValueFactory = _ => defaults.FeedItemsPerDay }, 1);
        var queuePrice = AtLeast(new Option<decimal?>("--queue-price-per-10k") { Description = "Price of 10,000 queue operations on the day (any currency), to print money per million articles." }, 0m);
        var tablePrice = AtLeast(new Option<decimal?>("--table-price-per-10k") { Description = "Price of 10,000 table transactions on the day, in the same currency." }, 0m);
        var languagePrice = AtLeast(new Option<decimal?>("--language-price-per-1k") { Description = "Price of 1,000 Azure AI Language text records on the day, in the same currency." }, 0m);
        var pipeline = new Command("pipeline", "Push articles through intake, scoring and delivery on a private Azurite and report throughput, latency, the storage ceiling and the cost of an article.")
        {
            articles, topics, subscribers, soakMinutes, soakRate, maxPollingMs, feedItems, queuePrice, tablePrice, languagePrice,
        };
        pipeline.SetAction(async (parseResult, cancellationToken) => await PipelineBenchmark.RunAsync(
            new PipelineBenchSettings
            {
                Articles = parseResult.GetValue(articles),
                Topics = parseResult.GetValue(topics),
                Subscribers = parseResult.GetValue(subscribers),
                SoakMinutes = parseResult.GetValue(soakMinutes),
                SoakRate = parseResult.GetValue(soakRate),
                MaxPollingMs = parseResult.GetValue(maxPollingMs),
                FeedItemsPerDay = parseResult.GetValue(feedItems),
                QueuePricePer10k = parseResult.GetValue(queuePrice),
                TablePricePer10k = parseResult.GetValue(tablePrice),
                LanguagePricePer1k = parseResult.GetValue(languagePrice),
            },
            Console.Out,
            cancellationToken));
        return new Command("bench", "Measure the pipeline on this machine.") { pipeline };
    }

    // Refuses a value under the minimum when it is given, in the option's own words.
    private static Option<T> AtLeast<T>(Option<T> option, T minimum)
        where T : struct, IComparable<T>
    {
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<T>(), minimum));
        return option;
    }

    private static Option<T?> AtLeast<T>(Option<T?> option, T minimum)
        where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T?>() is { } value)
            {
                Check(result, value, minimum);
            }
        });
        return option;
    }

    private static void Check<T>(OptionResult result, T value, T minimum)
        where T : struct, IComparable<T>
    {
        if (value.CompareTo(minimum) < 0)
        {
            result.AddError(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{result.Option.Name} must be at least {minimum}."));
        }
    }
}
