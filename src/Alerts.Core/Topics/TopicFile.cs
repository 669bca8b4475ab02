using System.Text.Json;

namespace Alerts.Core.Topics;

/// <summary>A topic file that cannot be used, with every problem found.</summary>
public sealed class TopicFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public TopicFileException(string message, IReadOnlyList<string> problems, Exception? inner = null)
        : base(problems.Count == 0 ? message : message + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)), inner)
    {
        Problems = problems;
    }

    /// <summary>Each problem as "topics[i].field: message".</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>
/// Reads topics from JSON: an array of objects with <c>id</c>, <c>name</c>, <c>query</c>, and optionally
/// <c>description</c>, <c>threshold</c> and <c>constraints</c> (<c>places</c>, <c>organisations</c>,
/// <c>actorNationalities</c>, <c>excludeActorNationalities</c>). Property names are case-insensitive; comments
/// and trailing commas are allowed. Every topic is validated; nothing is returned unless all are valid.
/// </summary>
public static class TopicFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    /// <summary>Largest topic file read, in bytes.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Loads and validates a topic file. With <paramref name="warnings"/>, properties the app does not know are
    /// reported there and the topics still load (for trying topics offline); without, they are problems like any other.
    /// </summary>
    public static IReadOnlyList<WatchTopic> Load(string path, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new TopicFileException($"Topic file '{path}' does not exist.", []);
        }

        if (info.Length > MaxFileBytes)
        {
            throw new TopicFileException($"Topic file '{path}' is larger than {MaxFileBytes} bytes.", []);
        }

        return Parse(File.ReadAllText(path), warnings);
    }

    /// <summary>Parses and validates topics from JSON text; <paramref name="warnings"/> as for <see cref="Load"/>.</summary>
    public static IReadOnlyList<WatchTopic> Parse(string json, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        List<WatchTopic?>? topics;
        List<string> unknownProperties;
        try
        {
            (var isListInAnObject, unknownProperties) = ReadShape(json);
            if (isListInAnObject)
            {
                throw new TopicFileException("Topic file is an object holding a \"topics\" list: write the list itself ([ { ... }, { ... } ]), or one topic.", []);
            }

            // One topic on its own (as the README shows one) is a file of one topic.
            topics = json.TrimStart().StartsWith('{')
                ? [JsonSerializer.Deserialize<WatchTopic?>(json, Options)]
                : JsonSerializer.Deserialize<List<WatchTopic?>>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            var field = e.Path is { Length: > 1 } path ? "topics" + path.TrimStart('$') + ": " : string.Empty;
            throw new TopicFileException($"Topic file is not valid{where}: {field}{Serialization.JsonErrors.Describe(e)}", [], e);
        }

        if (topics is null)
        {
            throw new TopicFileException("Topic file is not a JSON array of topics: it is null.", []);
        }

        var problems = new List<string>();
        foreach (var unknown in unknownProperties)
        {
            (warnings ?? problems).Add(unknown);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            if (topic is null)
            {
                problems.Add($"topics[{i}]: is null");
                continue;
            }

            topic = Normalise(topic);
            topics[i] = topic;
            foreach (var error in TopicValidation.Validate(topic))
            {
                problems.Add($"topics[{i}].{error}");
            }

            if (topic.Id is not null && !ids.Add(topic.Id))
            {
                problems.Add($"topics[{i}].id: duplicate id '{topic.Id}'");
            }
        }

        if (problems.Count > 0)
        {
            throw new TopicFileException($"Topic file has {problems.Count} problem(s):", problems);
        }

        return topics!;
    }

    // What the records do not keep, read from the file as a document once: whether it wraps its list in an object
    // ({ "topics": [ ... ] }, as other tools write theirs), and the properties the app does not know.
    private static (bool IsListInAnObject, List<string> UnknownProperties) ReadShape(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object
            && root.EnumerateObject().Any(p => p.Name.Equals("topics", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Array))
        {
            return (true, []);
        }

        var topics = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return (false, topics.SelectMany((topic, i) => TopicProperties.Unknown(topic).Select(u => $"topics[{i}].{u.Path}: {u.Problem}")).ToList());
    }

    // JSON null for a list means "none"; the records' contracts promise non-null lists.
    private static WatchTopic Normalise(WatchTopic topic) =>
        topic.Constraints is not { } c
            ? topic
            : topic with { Constraints = c.WithListsForNull() };
}
