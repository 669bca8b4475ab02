using System.Globalization;
using System.Text.Json;
using Alerts.Core.Articles;
using Alerts.Core.Evaluation;
using Alerts.Core.Feeds;
using nietras.SeparatedValues;

namespace Alerts.Cli.Scoring;

/// <summary>An input item that could not be read, with where and why.</summary>
internal sealed record InputProblem(string Where, string Message)
{
    /// <summary>The problem as the commands print it, after the file's name ("news.csv: line 3: ...").</summary>
    public string In(FileInfo file) => $"{file.Name}: {Where}: {Message}";
}

/// <summary>
/// Reads articles for <c>alerts score</c> from an RSS/Atom document (through an <see cref="IFeedParser"/>),
/// JSON lines, or CSV with a header row. Recognised columns/properties (case-insensitive): <c>id</c>,
/// <c>title</c>, <c>link</c> or <c>url</c>, <c>published</c>, and the first present of <c>summary</c>,
/// <c>description</c>, <c>article</c>, <c>text</c>, <c>body</c>, <c>content</c>; the sections it was filed
/// under from <c>categories</c>, <c>category</c> or <c>section</c> (a JSON array or string; in CSV several are
/// separated by <c>;</c> or <c>|</c>), and from AG News' numbered <c>class</c> column. An item without an id gets its
/// 0-based index as id.
/// </summary>
internal static class ArticleInputReader
{
    private static readonly string[] BodyNames = ["summary", "description", "article", "text", "body", "content"];

    private static readonly string[] CategoryNames = ["categories", "category", "section"];

    public enum InputFormat
    {
        Csv,
        JsonLines,
        Feed,
    }

    public static InputFormat Detect(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".csv":
                return InputFormat.Csv;
            case ".jsonl" or ".ndjson" or ".json":
                return InputFormat.JsonLines;
            case ".xml" or ".rss" or ".atom" or ".rdf":
                return InputFormat.Feed;
        }

        using var reader = new StreamReader(path);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
        {
        }

        return c switch
        {
            '<' => InputFormat.Feed,
            '{' => InputFormat.JsonLines,
            _ => InputFormat.Csv,
        };
    }

    /// <summary>
    /// Reads every article of a file (UTF-8, or as its byte-order mark says), one at a time, in whichever format it is;
    /// throws <see cref="FormatException"/> when the file as a whole cannot be read.
    /// </summary>
    public static IEnumerable<Article> ReadFile(FileInfo file, IFeedParser? feedParser, List<InputProblem> problems)
    {
        using var reader = new StreamReader(file.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var article in Read(file.FullName, reader, feedParser, problems))
        {
            yield return article;
        }
    }

    /// <summary>Reads every article of a file in whichever format it is (see <see cref="Detect"/>).</summary>
    public static IEnumerable<Article> Read(string path, TextReader reader, IFeedParser? feedParser, List<InputProblem> problems) =>
        Detect(path) switch
        {
            InputFormat.Csv => ReadCsv(reader, problems),
            InputFormat.JsonLines => ReadJsonLines(reader, problems),
            _ => ReadFeed(path, feedParser),
        };

    public static IEnumerable<Article> ReadCsv(TextReader text, List<InputProblem> problems)
    {
        // RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes; backslashes are ordinary characters).
        // A row with the wrong number of fields is reported and still read, so one bad row does not lose the rest.
        using var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true, HasHeader = true }).From(text);
        var header = csv.Header.ColNames;
        if (header.Count == 0 || (header.Count == 1 && header[0].Length == 0))
        {
            throw new FormatException("the CSV file is empty (a header row is required)");
        }

        var columns = header.Select((name, index) => (Name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), index))
            .GroupBy(c => c.Name)
            .ToDictionary(g => g.Key, g => g.First().index);
        int? Column(params string[] names) => names.Where(columns.ContainsKey).Select(n => (int?)columns[n]).FirstOrDefault();
        var id = Column("id");
        var title = Column("title");
        var link = Column("link", "url");
        var published = Column("published");
        var body = Column(BodyNames);
        var categories = Column(CategoryNames);
        // Only AG News' own layout (Class, Title, and Description or Article): elsewhere a "class" column means anything.
        var agNewsClass = categories is null && header.Count == 3 && title is not null && Column("description", "article") is not null ? Column("class") : null;
        if (title is null && body is null)
        {
            throw new FormatException($"the CSV header has neither a 'title' nor a body column ({string.Join(", ", BodyNames)}); found: {string.Join(", ", header)}");
        }

        var row = 0;
        foreach (var record in csv)
        {
            if (record.ColCount == 1 && record[0].Span.IsEmpty)
            {
                continue;
            }

            if (record.ColCount != header.Count)
            {
                problems.Add(new InputProblem($"row {row} (line {record.LineNumberFrom})", $"has {record.ColCount} fields, the header has {header.Count}"));
            }

            var values = new string?[] { null, null, null, null, null };
            int?[] wanted = [id, title, link, body, published];
            for (var k = 0; k < wanted.Length; k++)
            {
                if (wanted[k] is { } column && column < record.ColCount)
                {
                    values[k] = record[column].ToString();
                }
            }

            var article = Create(values[0], row, values[1], values[2], values[3], values[4]) with
            {
                Categories = categories is { } c && c < record.ColCount ? SplitCategories(record[c].ToString())
                    : agNewsClass is { } n && n < record.ColCount ? AgNewsClass(record[n].ToString())
                    : [],
            };
            row++;
            yield return article;
        }
    }

    public static IEnumerable<Article> ReadJsonLines(TextReader text, List<InputProblem> problems)
    {
        var index = 0;
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Article? article = null;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new InputProblem($"line {lineNumber}", "is not a JSON object"));
                }
                else
                {
                    var properties = document.RootElement.EnumerateObject()
                        .GroupBy(p => p.Name.ToLowerInvariant())
                        .ToDictionary(g => g.Key, g => g.First().Value);
                    string? Get(params string[] names) => names
                        .Where(properties.ContainsKey)
                        .Select(n => properties[n])
                        .Where(v => v.ValueKind is not JsonValueKind.Null)
                        .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
                        .FirstOrDefault();
                    article = Create(Get("id"), index, Get("title"), Get("link", "url"), Get(BodyNames), Get("published")) with
                    {
                        Categories = CategoryNames.Where(properties.ContainsKey).Select(n => CategoriesIn(properties[n])).FirstOrDefault() ?? [],
                    };
                }
            }
            catch (JsonException e)
            {
                problems.Add(new InputProblem($"line {lineNumber}", "is not valid JSON: " + e.Message));
            }

            index++;
            if (article is not null)
            {
                yield return article;
            }
        }
    }

    public static IEnumerable<Article> ReadFeed(string path, IFeedParser? parser)
    {
        if (parser is null)
        {
            throw new FormatException("RSS/Atom input needs the feed parser, which this build of 'alerts score' was not given; convert the feed to JSON lines or CSV");
        }

        var result = parser.Parse(File.ReadAllBytes(path), new FeedDocumentContext(new Uri(Path.GetFullPath(path))));
        if (result.Feed is null)
        {
            throw new FormatException("the feed could not be read: " + result.Error);
        }

        return result.Feed.Entries.Select((entry, index) => new Article(
            entry.Id ?? entry.Link ?? index.ToString(CultureInfo.InvariantCulture),
            "input",
            entry.Title ?? string.Empty,
            entry.Link,
            entry.Summary,
            entry.Content,
            entry.Published ?? DateTimeOffset.UnixEpoch) { Guid = entry.Id, Authors = entry.Authors, Categories = entry.Categories });
    }

    private static List<string> SplitCategories(string? text) => ArticleCategories.Clean((text ?? string.Empty).Split([';', '|']));

    // A number 1-4 is AG News' section; any other value is a category's name.
    private static List<string> AgNewsClass(string? text) =>
        AgNewsSections.Of(text) is { } section ? [section] : SplitCategories(text);

    private static List<string> CategoriesIn(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => ArticleCategories.Clean(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
            .SelectMany(v => v.GetString()!.Split([';', '|']))),
        JsonValueKind.String => SplitCategories(value.GetString()),
        _ => [],
    };

    private static Article Create(string? id, int index, string? title, string? link, string? body, string? published) =>
        new(
            string.IsNullOrWhiteSpace(id) ? index.ToString(CultureInfo.InvariantCulture) : id.Trim(),
            "input",
            title?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(link) ? null : link.Trim(),
            body,
            null,
            DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : DateTimeOffset.UnixEpoch);
}
