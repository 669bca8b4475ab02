using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Alerts.Core.Feeds;
using Alerts.Infrastructure.Feeds.Parsing;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts feed parse FILE... [--json]</c>: shows how Alerts reads feed documents, one result per file.</summary>
public static class FeedParseCommand
{
    private static readonly JsonSerializerOptions LineJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The <c>feed</c> command with its <c>parse</c> subcommand, using the default parser.</summary>
    public static Command Create() => Create(new FeedParser());

    /// <summary>The <c>feed</c> command with its <c>parse</c> subcommand, using <paramref name="parser"/>.</summary>
    public static Command Create(IFeedParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var filesArgument = new Argument<FileInfo[]>("files")
        {
            Description = "Feed documents (RSS, RDF, Atom, CDF or JSON Feed)",
            Arity = ArgumentArity.OneOrMore,
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "Print one JSON object per file and line instead of readable text",
        };
        var baseOption = new Option<Uri?>("--base-url")
        {
            Description = "URL the documents were fetched from, for resolving relative links",
        };
        var contentTypeOption = new Option<string?>("--content-type")
        {
            Description = "HTTP Content-Type the documents were served with (its charset overrides the document's)",
        };
        var parse = new Command("parse", "Parse feed files and print the feed title, link and entries, or why a file cannot be read")
        {
            filesArgument,
            jsonOption,
            baseOption,
            contentTypeOption,
        };
        parse.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new FeedParseRequest(
                parseResult.GetValue(filesArgument) ?? [],
                parseResult.GetValue(jsonOption),
                parseResult.GetValue(baseOption),
                parseResult.GetValue(contentTypeOption));
            return await RunAsync(request, parser, Console.Out, cancellationToken);
        });

        return new Command("feed", "Feed tools") { parse };
    }

    /// <summary>Parses every file and writes the results; returns 0 when all files were read, 1 otherwise.</summary>
    internal static async Task<int> RunAsync(FeedParseRequest request, IFeedParser parser, TextWriter output, CancellationToken cancellationToken)
    {
        var failures = 0;
        foreach (var file in request.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await ParseFileAsync(file, request, parser, cancellationToken);
            failures += result.Feed is null ? 1 : 0;
            if (request.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(file.ToString(), result), LineJson).AsMemory(), cancellationToken);
            }
            else
            {
                await output.WriteAsync(ToText(file.ToString(), result).AsMemory(), cancellationToken);
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<FeedParseResult> ParseFileAsync(FileInfo file, FeedParseRequest request, IFeedParser parser, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FeedParseResult.Failure($"cannot read the file: {e.Message}");
        }

        return parser.Parse(bytes, new FeedDocumentContext(request.BaseUrl, request.ContentType));
    }

    private static FeedFileJson ToJson(string file, FeedParseResult result) => new(
        file,
        result.Error,
        result.Feed is null ? null : new FeedJson(result.Feed.Title, result.Feed.Link, result.Feed.Format),
        result.Feed?.Entries.Select(e => new EntryJson(
            e.Id, e.Title, e.Link, e.Summary, e.Content, Iso(e.Published), Iso(e.Updated), e.Authors, e.Categories)).ToList() ?? []);

    private static string ToText(string file, FeedParseResult result)
    {
        var text = new System.Text.StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"{file}");
        if (result.Feed is null)
        {
            text.AppendLine(invariant, $"  error: {result.Error}");
            return text.ToString();
        }

        var feed = result.Feed;
        text.AppendLine(invariant, $"  format: {feed.Format}, title: {feed.Title ?? "(none)"}, link: {feed.Link ?? "(none)"}, entries: {feed.Entries.Count}");
        foreach (var entry in feed.Entries)
        {
            text.AppendLine(invariant, $"  - {entry.Title ?? "(untitled)"}");
            text.AppendLine(invariant, $"    link: {entry.Link ?? "(none)"}  id: {entry.Id ?? "(none)"}  published: {Iso(entry.Published) ?? "(none)"}");
            if (entry.Authors.Count > 0)
            {
                text.AppendLine(invariant, $"    authors: {string.Join(", ", entry.Authors)}");
            }

            if (entry.Categories.Count > 0)
            {
                text.AppendLine(invariant, $"    categories: {string.Join(", ", entry.Categories)}");
            }

            if (entry.Summary is { } summary)
            {
                text.AppendLine(invariant, $"    {(summary.Length > 200 ? summary[..200] + "..." : summary).ReplaceLineEndings(" ")}");
            }
        }

        return text.ToString();
    }

    private static string? Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal sealed record FeedParseRequest(IReadOnlyList<FileInfo> Files, bool Json, Uri? BaseUrl, string? ContentType);

    private sealed record FeedFileJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("file")] string File,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string? Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("feed")] FeedJson? Feed,
        [property: System.Text.Json.Serialization.JsonPropertyName("entries")] IReadOnlyList<EntryJson> Entries);

    private sealed record FeedJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("title")] string? Title,
        [property: System.Text.Json.Serialization.JsonPropertyName("link")] string? Link,
        [property: System.Text.Json.Serialization.JsonPropertyName("format")] string? Format);

    private sealed record EntryJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string? Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("title")] string? Title,
        [property: System.Text.Json.Serialization.JsonPropertyName("link")] string? Link,
        [property: System.Text.Json.Serialization.JsonPropertyName("summary")] string? Summary,
        [property: System.Text.Json.Serialization.JsonPropertyName("content")] string? Content,
        [property: System.Text.Json.Serialization.JsonPropertyName("published")] string? Published,
        [property: System.Text.Json.Serialization.JsonPropertyName("updated")] string? Updated,
        [property: System.Text.Json.Serialization.JsonPropertyName("authors")] IReadOnlyList<string> Authors,
        [property: System.Text.Json.Serialization.JsonPropertyName("categories")] IReadOnlyList<string> Categories);
}
