using System.CommandLine;
using System.Globalization;
using System.Text;
using Alerts.Cli.Scoring;
using Alerts.Core.Articles;
using Alerts.Core.Evaluation;
using Alerts.Core.Feeds;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;
using Alerts.Core.Workbench;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts eval</c>: measures topics on labelled articles: precision, recall and F1 per topic, what the
/// constraints cost in recall, and (with <c>--details</c>) every false alert and miss with the engine's evidence.
/// </summary>
public static class EvalCommand
{
    /// <summary>The command; RSS/Atom input is parsed with <paramref name="feedParser"/>.</summary>
    public static Command Create(IFeedParser? feedParser)
    {
        var topicsOption = new Option<FileInfo>("--topics") { Description = "Topic file (JSON array, see docs/scoring.md)", Required = true };
        var inputOption = new Option<FileInfo>("--input") { Description = "Articles: CSV with a header row, JSON lines, or RSS/Atom", Required = true };
        var labelsOption = new Option<FileInfo>("--labels")
        {
            Description = "Judgments: tab-separated 'topic, article id, grade' lines, grade core, related or not; unlabelled articles are not relevant",
            Required = true,
        };
        var detailsOption = new Option<bool>("--details") { Description = "List every false alert and miss with its evidence" };
        var semanticOption = new Option<bool>("--semantic") { Description = "Turn the semantic signal on (near misses close in meaning to a topic may alert)" };
        var similarityOption = new Option<double?>("--min-similarity") { Description = "With --semantic: the similarity from which a near miss scores 0.5 (default 0.5)" };
        var feedbackOption = new Option<bool>("--feedback")
        {
            Description = "Instead: simulate subscribers' judgments (0, 5 and 20 per topic, drawn from the even-numbered articles) and measure each topic on the odd-numbered ones",
        };
        var feedbackSettingsOption = new Option<string?>("--feedback-settings") { Description = "With --feedback: alike,margin,lift-from,rescue (for choosing them on development topics)" };
        var command = new Command("eval", "Measure precision, recall and F1 of topics on labelled articles")
        {
            topicsOption,
            inputOption,
            labelsOption,
            detailsOption,
            semanticOption,
            similarityOption,
            feedbackOption,
            feedbackSettingsOption,
        };
        command.SetAction(async (parseResult, cancellationToken) => await RunAsync(
            new EvalRequest(parseResult.GetValue(topicsOption)!, parseResult.GetValue(inputOption)!, parseResult.GetValue(labelsOption)!, parseResult.GetValue(detailsOption))
            {
                Semantic = parseResult.GetValue(semanticOption),
                MinSimilarity = parseResult.GetValue(similarityOption),
                Feedback = parseResult.GetValue(feedbackOption),
                FeedbackSettings = parseResult.GetValue(feedbackSettingsOption),
            },
            feedParser,
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    internal sealed record EvalRequest(FileInfo Topics, FileInfo Input, FileInfo Labels, bool Details)
    {
        public bool Semantic { get; init; }

        public double? MinSimilarity { get; init; }

        public bool Feedback { get; init; }

        public string? FeedbackSettings { get; init; }
    }

    internal static async Task<int> RunAsync(EvalRequest request, IFeedParser? feedParser, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<WatchTopic> topics;
        RelevanceLabels labels;
        List<Article> articles;
        var problems = new List<InputProblem>();
        try
        {
            topics = OfflineTopicFile.Load(request.Topics.FullName, error);
            if (!request.Labels.Exists)
            {
                throw new FormatException($"labels file '{request.Labels.FullName}' does not exist");
            }

            labels = RelevanceLabels.Load(request.Labels.FullName);
            if (!request.Input.Exists)
            {
                throw new FormatException($"input file '{request.Input.FullName}' does not exist");
            }

            articles = ArticleInputReader.ReadFile(request.Input, feedParser, problems).ToList();
        }
        catch (Exception e) when (e is TopicFileException or FormatException or IOException)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.In(request.Input));
        }

        var categories = articles.SelectMany(a => a.Categories).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var warning in CategoryNode.UnmatchedIn(topics, categories))
        {
            await error.WriteLineAsync($"{request.Input.Name}: {warning}");
        }

        foreach (var warning in LabelCoverage.Warnings(labels, topics.Select(t => t.Id), articles.Select(a => a.Key)))
        {
            await error.WriteLineAsync($"{request.Labels.Name}: {warning}");
        }

        if (request.Feedback)
        {
            var settings = request.FeedbackSettings?.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray() is [var alike, var margin, var lift, var rescue]
                ? new Core.Workbench.FeedbackSettings(alike, margin, lift, rescue)
                : Core.Workbench.FeedbackSettings.Default;
            var embed = request.Semantic ? OfflineScorer.EmbedArticles() : null;
            await output.WriteAsync(FormatFeedback(FeedbackSimulation.Run(topics, articles, labels, [0, 5, 20], settings, embed), settings));
            return problems.Count == 0 ? 0 : 1;
        }

        var results = await RelevanceEvaluation.RunAsync(topics, articles, labels, t => OfflineScorer.Create(t, request.Semantic, request.MinSimilarity), cancellationToken);
        await output.WriteAsync(Format(results, articles.Count));
        if (request.Details)
        {
            // A file may repeat an id; the evaluation reads such an article by its first row, as here.
            var byKey = articles.DistinctBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, StringComparer.Ordinal);
            foreach (var (result, topic) in results.Zip(topics))
            {
                await WriteDetailsAsync(output, result, FalseAlertWords(topic, result.FalseAlertDetails.Select(e => byKey[e.ArticleId])));
            }
        }

        return problems.Count == 0 ? 0 : 1;
    }

    internal static string FormatFeedback(IReadOnlyList<FeedbackPoint> points, Core.Workbench.FeedbackSettings settings)
    {
        var text = new StringBuilder();
        var counts = points.Select(p => p.Judgments).Distinct().Order().ToList();
        var width = Math.Max(5, points.Count == 0 ? 0 : points.Max(p => p.TopicId.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"F1 on the odd-numbered articles after judgments drawn from the even-numbered ones (alike {settings.Alike}, margin {settings.Margin}, lift from {settings.LiftFrom} under the threshold, rescue from {settings.Rescue})");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"topic".PadRight(width)}  {string.Join("  ", counts.Select(c => $"{c + " judged",13}"))}");
        foreach (var topic in points.GroupBy(p => p.TopicId))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{topic.Key.PadRight(width)}  {string.Join("  ", counts.Select(c => topic.Single(p => p.Judgments == c) is var p ? $"{p.Quality.F1,6:0.000} ({p.Judged,2}) {p.Quality.FalseAlerts,1}f" : ""))}");
        }

        foreach (var count in counts)
        {
            var f1 = points.Where(p => p.Judgments == count).Select(p => p.Quality.F1).Order().ToList();
            var median = f1.Count % 2 == 1 ? f1[f1.Count / 2] : (f1[(f1.Count / 2) - 1] + f1[f1.Count / 2]) / 2;
            text.AppendLine(CultureInfo.InvariantCulture, $"{count} judgments: median F1 {median:0.000}, mean {f1.Average():0.000}, lowest {f1[0]:0.000}");
        }

        return text.ToString();
    }

    internal static string Format(IReadOnlyList<TopicQuality> results, int articleCount)
    {
        var text = new StringBuilder();
        var width = Math.Max(5, results.Count == 0 ? 0 : results.Max(r => r.TopicId.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"{articleCount} articles, {results.Count} topics; precision counts core and related alerts as right, recall counts core articles.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"topic".PadRight(width)}  core  rel  alerts  hit  miss  false  precision  recall    F1  constraint cost");
        foreach (var r in results)
        {
            var cost = r.ConstraintCost is { } c ? c.ToString(CultureInfo.InvariantCulture) : "-";
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.TopicId.PadRight(width)}  {r.Core,4}  {r.Related,3}  {r.Alerts,6}  {r.CoreAlerted,3}  {r.Misses,4}  {r.FalseAlerts,5}  {r.Precision,9:0.000}  {r.Recall,6:0.000}  {r.F1,5:0.000}  {cost,15}");
        }

        if (results.Count > 0)
        {
            var f1 = results.Select(r => r.F1).Order().ToList();
            var median = f1.Count % 2 == 1 ? f1[f1.Count / 2] : (f1[(f1.Count / 2) - 1] + f1[f1.Count / 2]) / 2;
            text.AppendLine(CultureInfo.InvariantCulture, $"median F1 {median:0.000}, lowest {f1[0]:0.000}, mean {f1.Average():0.000}");
        }

        return text.ToString();
    }

    // The forms of the query's words that brought the false alerts ("Cards" for carding): the usual cause of them.
    private static IReadOnlyList<WordFound> FalseAlertWords(WatchTopic topic, IEnumerable<Article> falseAlerts)
    {
        var found = new WordsFound(CompiledTopic.Compile(topic, Core.Entities.Gazetteer.Default).Clauses);
        foreach (var article in falseAlerts)
        {
            found.Add(ArticleText.Analyze(article));
        }

        return found.Result();
    }

    private static async Task WriteDetailsAsync(TextWriter output, TopicQuality result, IReadOnlyList<WordFound> falseAlertWords)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"== {result.TopicId}: {result.FalseAlerts} false alert(s), {result.Misses} miss(es)");
        if (falseAlertWords.Count > 0)
        {
            await output.WriteLineAsync("What each word found in the false alerts:");
            foreach (var word in falseAlertWords)
            {
                await output.WriteLineAsync("  " + WordsFound.Line(word));
            }
        }

        foreach (var (label, errors) in new[] { ("FALSE", result.FalseAlertDetails), ("MISS", result.MissDetails) })
        {
            foreach (var e in errors)
            {
                await output.WriteLineAsync($"{label} [{e.ArticleId}] {e.Title}");
                await output.WriteAsync(e.Match is null ? $"    {e.Shortfall ?? "the query did not match"}\n" : MatchExplanation.ToText(e.Match, "    "));
            }
        }
    }
}
