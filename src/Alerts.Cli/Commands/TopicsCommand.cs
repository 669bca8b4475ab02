using System.CommandLine;
using System.Globalization;
using Alerts.Cli.Scoring;
using Alerts.Core;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts topics preview</c>: a topic file tried on the stored articles of the last days, before it is saved.</summary>
public static class TopicsCommand
{
    /// <summary>Builds the command tree.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A topic file holding one topic (the format of `alerts score --topics`)." };
        var days = new Option<int>("--days") { Description = "How many days of stored articles to try it on.", DefaultValueFactory = _ => 7 };
        var preview = new Command("preview", "Show what a topic would alert on, what it nearly catches and why not, and words to consider, over the stored articles.") { file, days };
        preview.SetAction((parseResult, cancellationToken) => PreviewAsync(parseResult.GetValue(file)!, parseResult.GetValue(days), Console.Out, cancellationToken));
        return new Command("topics", "Work on topics before saving them.") { preview };
    }

    private static async Task<int> PreviewAsync(FileInfo file, int days, TextWriter output, CancellationToken cancellationToken)
    {
        WatchTopic topic;
        try
        {
            var topics = OfflineTopicFile.Load(file.FullName, Console.Error);
            if (topics.Count != 1)
            {
                await Console.Error.WriteLineAsync($"{file.Name} holds {topics.Count} topics; preview one at a time.");
                return 2;
            }

            topic = topics[0];
        }
        catch (TopicFileException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        return await OpsCommand.WithHostAsync(async services =>
        {
            var window = (int)services.GetRequiredService<IOptions<AlertsOptions>>().Value.PreviewWindow.TotalDays;
            if (days < 1 || days > window)
            {
                throw new ArgumentException($"--days must be from 1 to {window} (articles are kept for {window} days).");
            }

            var since = services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days);
            var articles = await services.GetRequiredService<IRecentArticles>().ListSinceAsync(since, cancellationToken).ToListAsync(cancellationToken);
            var semantic = TopicPreview.SemanticFrom(services.GetServices<Core.Scoring.ITextEmbedder>(), services.GetRequiredService<IOptions<Core.Scoring.ScoringOptions>>().Value);
            Print(topic, TopicPreview.Run(topic, articles, semantic), days, output);
            return 0;
        });
    }

    private static void Print(WatchTopic topic, TopicPreviewResult result, int days, TextWriter output)
    {
        output.WriteLine($"{topic.Name}: {result.Alerts.Count + result.MoreAlerts} would alert, {result.NearMisses.Count + result.MoreNearMisses} near misses, of {result.Scanned} articles from the last {days} days (scored in {result.Elapsed.TotalMilliseconds:0} ms).");
        output.WriteLine();
        Section(output, "Would alert", result.Alerts, result.MoreAlerts);
        Section(output, "Near misses", result.NearMisses, result.MoreNearMisses);
        if (result.Suggestions.Count > 0)
        {
            output.WriteLine("Words the hits and near misses share that the query lacks: "
                + string.Join(", ", result.Suggestions.Select(s => $"{s.Term} ({s.Articles})")));
        }

        if (result.Names.Count > 0)
        {
            output.WriteLine(TopicPreview.NamesLine(result.Names));
        }
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<PreviewItem> items, int more)
    {
        output.WriteLine($"{title}:");
        foreach (var item in items)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {item.Score:0.00}  {item.Article.Title}  ({item.Article.SourceName ?? item.Article.SourceId}, {item.Article.Published:yyyy-MM-dd})"));
            output.WriteLine($"        {item.Why}");
        }

        if (items.Count == 0)
        {
            output.WriteLine("  none");
        }
        else if (more > 0)
        {
            output.WriteLine($"  …and {more} more");
        }

        output.WriteLine();
    }
}
