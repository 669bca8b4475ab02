using System.CommandLine;
using System.Globalization;
using Alerts.Cli.Scoring;
using Alerts.Core;
using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Feeds;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;
using Alerts.Core.Workbench;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts topics preview</c>: a topic file tried on the stored articles of the last days, or on a file of
/// articles (<c>--input</c>, no app needed), before it is saved; <c>alerts topics check</c>: a topic file read as the
/// admin API reads it, without scoring anything.
/// </summary>
public static class TopicsCommand
{
    /// <summary>Builds the command tree; RSS/Atom input is parsed with <paramref name="feedParser"/>.</summary>
    public static Command Create(IFeedParser? feedParser = null)
    {
        var file = new Argument<FileInfo>("file") { Description = "A topic file holding one topic (the format of `alerts score --topics`)." };
        var days = new Option<int>("--days") { Description = "How many days of stored articles to try it on.", DefaultValueFactory = _ => 7 };
        var input = new Option<FileInfo?>("--input") { Description = "Try it on the articles of this file instead (RSS/Atom, JSON lines, or CSV with a header row, as `alerts score` reads): no app or storage needed." };
        var semantic = new Option<bool>("--semantic") { Description = "With --input: also list articles close in meaning to the topic that its words miss (loads a local model; about 100 articles a second)." };
        var preview = new Command("preview", "Show what a topic would alert on, what it nearly catches and why not, and words to consider, over the stored articles or a file of articles.") { file, days, input, semantic };
        preview.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(input) is not { } articles)
            {
                if (parseResult.GetValue(semantic))
                {
                    await Console.Error.WriteLineAsync("--semantic goes with --input; over the stored articles the app's setting Alerts:Scoring:Semantic decides.");
                    return 2;
                }

                return await PreviewAsync(parseResult.GetValue(file)!, parseResult.GetValue(days), Console.Out, cancellationToken);
            }

            if (parseResult.GetResult(days) is { Implicit: false })
            {
                await Console.Error.WriteLineAsync("Use either --days (the stored articles) or --input (a file of articles), not both.");
                return 2;
            }

            var embedder = parseResult.GetValue(semantic) ? OfflineScorer.Model : null;
            return await PreviewFileAsync(parseResult.GetValue(file)!, articles, feedParser, embedder, Console.Out, Console.Error, cancellationToken);
        });
        var checkedFile = new Argument<FileInfo>("file") { Description = "A topic file (the format of `alerts score --topics`), one topic or many." };
        var check = new Command("check", "Check a topic file without scoring anything: every query, word group and constraint is read as the admin API reads it, and each problem named.") { checkedFile };
        check.SetAction((parseResult, _) => Task.FromResult(Check(parseResult.GetValue(checkedFile)!, Console.Out, Console.Error)));
        return new Command("topics", "Work on topics before saving them.") { preview, check };
    }

    /// <summary>
    /// <c>alerts topics check</c>: 0 when every topic of the file could be saved (each listed with its word groups and
    /// constraints), 2 with each problem named when one could not; no articles are read.
    /// </summary>
    internal static int Check(FileInfo file, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine(Directory.Exists(file.FullName) ? $"{file.Name} is a folder, not a topic file." : $"{file.Name} does not exist.");
            return 2;
        }

        IReadOnlyList<WatchTopic> topics;
        try
        {
            // Unknown properties are problems here, as the admin API refuses them (score and preview only warn).
            topics = TopicFile.Load(file.FullName);
        }
        catch (TopicFileException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        output.WriteLine($"{file.Name}: {topics.Count} topic(s), each can be saved.");
        foreach (var topic in topics)
        {
            var compiled = CompiledTopic.Compile(topic, Gazetteer.Default);
            output.WriteLine($"  {OneLine(topic.Id)} ({OneLine(topic.Name)}): {WordGroups(compiled.Clauses.Count, topic.Threshold)}; {ConstraintsOf(topic.Constraints)}");
            // Which of a shared name's places a constraint or a place: took ("Philadelphia": the city in Pennsylvania), as
            // the preview says.
            if (PlacesReadAs.Line(topic.Constraints, Gazetteer.Default, QueryParser.PlacesNamedIn(compiled.Query)) is { } places)
            {
                output.WriteLine("    " + places);
            }

            if (QueryParser.EverydayWordsWrittenAsNamesIn(compiled.Query) is { Count: > 0 } everyday)
            {
                output.WriteLine($"    everyday words, found in every sense and case though written with a capital: {string.Join(", ", everyday)} (pair each with a word of its sense, or write it with #)");
            }
        }

        return 0;
    }

    // Whether one match of one word group in the body reaches the threshold is what a writer without a preview cannot
    // see from the file.
    private static string WordGroups(int clauses, double threshold)
    {
        var groups = clauses == 1 ? "1 word group" : $"{clauses} word groups, each needed";
        var at = threshold.ToString(CultureInfo.InvariantCulture);
        var oneMatch = Math.Round(TopicEvaluator.OneMentionInTheBody, 2).ToString(CultureInfo.InvariantCulture);
        return clauses == 1 && threshold > TopicEvaluator.OneMentionInTheBody
            ? $"{groups}, threshold {at} (one match in the body, {oneMatch}, is below it)"
            : $"{groups}, threshold {at}";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string ConstraintsOf(TopicConstraints? constraints)
    {
        if (constraints is null)
        {
            return "no constraints";
        }

        var lists = new (string Name, IReadOnlyList<string> Values)[]
        {
            ("places", constraints.Places), ("excludePlaces", constraints.ExcludePlaces), ("organisations", constraints.Organisations),
            ("actorNationalities", constraints.ActorNationalities), ("excludeActorNationalities", constraints.ExcludeActorNationalities),
        };
        var named = lists.Where(list => list.Values is { Count: > 0 }).Select(list => $"{list.Name} {string.Join(", ", list.Values)}").ToList();
        if (constraints.Strict)
        {
            named.Add("strict");
        }

        return named.Count == 0 ? "no constraints" : string.Join("; ", named);
    }

    /// <summary>
    /// The preview over a file of articles, read as `alerts score` reads it: 2 when a file cannot be used, 1 when some
    /// articles could not be read (each named), 0 otherwise. With an <paramref name="embedder"/>, articles the words
    /// miss but close in meaning to the topic are near misses too, as over the stored articles with the signal on.
    /// </summary>
    internal static async Task<int> PreviewFileAsync(FileInfo file, FileInfo input, IFeedParser? feedParser, ITextEmbedder? embedder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await LoadOneTopicAsync(file, error) is not { } topic)
        {
            return 2;
        }

        if (!input.Exists)
        {
            await error.WriteLineAsync(Directory.Exists(input.FullName) ? $"{input.Name} is a folder, not a file of articles." : $"{input.Name} does not exist.");
            return 2;
        }

        var problems = new List<InputProblem>();
        List<Article> articles;
        try
        {
            articles = ArticleInputReader.ReadFile(input, feedParser, problems).ToList();
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"Cannot read '{input.Name}': {e.Message}");
            return 2;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = embedder is null
            ? TopicPreview.Run(topic, articles)
            : TopicPreview.Run(topic, articles, (embedder, new ScoringOptions().SemanticMinSimilarity), article => embedder.Embed(Embeddings.TextOf(article)));
        Print(topic, result, $"in {input.Name}", InFile, output);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.In(input));
        }

        return problems.Count == 0 ? 0 : 1;
    }

    // The one topic a preview file must hold, or null after saying why not.
    private static async Task<WatchTopic?> LoadOneTopicAsync(FileInfo file, TextWriter error)
    {
        try
        {
            var topics = OfflineTopicFile.Load(file.FullName, error);
            if (topics.Count == 1)
            {
                return topics[0];
            }

            await error.WriteLineAsync($"{file.Name} holds {topics.Count} topics; preview one at a time.");
        }
        catch (TopicFileException e)
        {
            await error.WriteLineAsync(e.Message);
        }

        return null;
    }

    private static async Task<int> PreviewAsync(FileInfo file, int days, TextWriter output, CancellationToken cancellationToken)
    {
        if (await LoadOneTopicAsync(file, Console.Error) is not { } topic)
        {
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
            var semantic = TopicPreview.SemanticFrom(services.GetServices<ITextEmbedder>(), services.GetRequiredService<IOptions<ScoringOptions>>().Value);
            Print(topic, TopicPreview.Run(topic, articles, semantic), $"from the last {days} days", Stored, output);
            return 0;
        });
    }

    // A stored article by its source and day; one from a file by its id there, as `alerts score` and `alerts eval` show it.
    private static string Stored(Article article) =>
        string.Create(CultureInfo.InvariantCulture, $"{article.Title}  ({article.SourceName ?? article.SourceId}, {article.Published:yyyy-MM-dd})");

    private static string InFile(Article article) => $"[{article.Key}] {article.Title}";

    // (where: "from the last 7 days", "in news.csv")
    private static void Print(WatchTopic topic, TopicPreviewResult result, string where, Func<Article, string> describe, TextWriter output)
    {
        output.WriteLine($"{topic.Name}: {result.Alerts.Count + result.MoreAlerts} would alert, {result.NearMisses.Count + result.MoreNearMisses} near misses, of {result.Scanned} articles {where} (scored in {result.Elapsed.TotalMilliseconds:0} ms).");
        output.WriteLine();
        Section(output, "Would alert", result.Alerts, result.MoreAlerts, describe);
        Section(output, "Near misses", result.NearMisses, result.MoreNearMisses, describe);
        if (result.Suggestions.Count > 0)
        {
            output.WriteLine("Words the hits and near misses share that the query lacks: "
                + string.Join(", ", result.Suggestions.Select(s => $"{s.Term} ({s.Articles})")));
        }

        if (result.WordsFound.Count > 0)
        {
            output.WriteLine(WordsFound.Heading);
            foreach (var word in result.WordsFound)
            {
                output.WriteLine("  " + WordsFound.Line(word));
            }
        }

        if (result.Names.Count > 0)
        {
            output.WriteLine(TopicPreview.NamesLine(result.Names));
        }

        if (result.Places is { } places)
        {
            output.WriteLine(places);
        }

        if (result.Categories is { } categories)
        {
            output.WriteLine(categories);
        }
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<PreviewItem> items, int more, Func<Article, string> describe)
    {
        output.WriteLine($"{title}:");
        foreach (var item in items)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {item.Score:0.00}  {describe(item.Article)}"));
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
