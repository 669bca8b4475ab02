using System.CommandLine;
using System.Text;
using System.Text.Json;
using Alerts.Cli.Scoring;
using Alerts.Core.Articles;
using Alerts.Core.Feeds;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts score</c>: scores articles from a file against topics, offline, without storage.</summary>
public static class ScoreCommand
{
    /// <summary>The command, without RSS/Atom support (no feed parser).</summary>
    public static Command Create() => Create(null);

    /// <summary>The command; RSS/Atom input is parsed with <paramref name="feedParser"/>.</summary>
    public static Command Create(IFeedParser? feedParser)
    {
        var topicsOption = new Option<FileInfo?>("--topics")
        {
            Description = "JSON file with an array of topics (see docs/scoring.md); default: the built-in sample topics",
        };
        var inputOption = new Option<FileInfo>("--input")
        {
            Description = "Articles: RSS/Atom file, JSON lines, or CSV with a header row",
            Required = true,
        };
        var formatOption = new Option<string>("--format")
        {
            Description = "Output: jsonl (one JSON object per article) or text",
            DefaultValueFactory = _ => "text",
        };
        formatOption.AcceptOnlyFromAmong("jsonl", "text");
        var explainOption = new Option<bool>("--explain")
        {
            Description = "Print the evidence of each match in readable form",
        };
        var semanticOption = new Option<bool>("--semantic")
        {
            Description = "Turn the semantic signal on: near misses close in meaning to a topic's description may alert (loads a local model)",
        };
        var command = new Command("score", "Score articles against watch topics offline and print matches")
        {
            topicsOption,
            inputOption,
            formatOption,
            explainOption,
            semanticOption,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new ScoreRequest(
                parseResult.GetValue(topicsOption),
                parseResult.GetValue(inputOption)!,
                parseResult.GetValue(formatOption) ?? "text",
                parseResult.GetValue(explainOption),
                parseResult.GetValue(semanticOption));
            return await RunAsync(request, feedParser, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    internal sealed record ScoreRequest(FileInfo? Topics, FileInfo Input, string Format, bool Explain, bool Semantic = false);

    internal static async Task<int> RunAsync(ScoreRequest request, IFeedParser? feedParser, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<WatchTopic> topics;
        try
        {
            topics = request.Topics is null ? SampleTopics.All : OfflineTopicFile.Load(request.Topics.FullName, error);
        }
        catch (TopicFileException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        if (!request.Input.Exists)
        {
            await error.WriteLineAsync($"Input file '{request.Input.FullName}' does not exist.");
            return 2;
        }

        var scorer = OfflineScorer.Create(topics, request.Semantic);
        var problems = new List<InputProblem>();
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        try
        {
            foreach (var article in ArticleInputReader.ReadFile(request.Input, feedParser, problems))
            {
                cancellationToken.ThrowIfCancellationRequested();
                categories.UnionWith(article.Categories);
                var matches = await scorer.ScoreAsync(article, cancellationToken);
                if (request.Format == "jsonl")
                {
                    await output.WriteLineAsync(ToJsonLine(article, matches));
                }
                else
                {
                    await WriteTextAsync(output, article, matches, request.Explain);
                }

                count++;
            }
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"Cannot read '{request.Input.Name}': {e.Message}");
            return 2;
        }

        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.In(request.Input));
        }

        foreach (var warning in CategoryNode.UnmatchedIn(topics, categories))
        {
            await error.WriteLineAsync($"{request.Input.Name}: {warning}");
        }

        await error.WriteLineAsync($"Scored {count} article(s) against {scorer.CurrentIndex?.Count ?? 0} topic(s); {problems.Count} input problem(s).");
        return problems.Count == 0 ? 0 : 1;
    }

    internal static string ToJsonLine(Article article, IReadOnlyList<TopicMatch> matches)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", article.Key);
            json.WriteString("title", article.Title);
            json.WriteStartArray("matches");
            foreach (var match in matches)
            {
                json.WriteStartObject();
                json.WriteString("topic", match.TopicId);
                json.WriteNumber("score", match.Score);
                json.WriteBoolean("alert", match.Alert);
                json.WriteStartArray("evidence");
                foreach (var evidence in match.Evidence)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", evidence.Kind);
                    json.WriteString("description", evidence.Description);
                    if (evidence.Snippet is not null)
                    {
                        json.WriteString("snippet", evidence.Snippet);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task WriteTextAsync(TextWriter output, Article article, IReadOnlyList<TopicMatch> matches, bool explain)
    {
        if (matches.Count == 0 && !explain)
        {
            return;
        }

        await output.WriteLineAsync($"[{article.Key}] {article.Title}");
        if (matches.Count == 0)
        {
            await output.WriteLineAsync("    no topic matched");
        }

        foreach (var match in matches)
        {
            if (explain)
            {
                await output.WriteAsync(MatchExplanation.ToText(match, "    "));
            }
            else
            {
                await output.WriteLineAsync(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"    {(match.Alert ? "ALERT" : "below")} {match.Score:0.000}  {match.TopicId} ({match.TopicName})"));
            }
        }
    }
}
