using System.Globalization;

namespace Alerts.Core.Evaluation;

/// <summary>How relevant a labelled article is to a topic.</summary>
public enum RelevanceGrade
{
    /// <summary>Not about the topic (also every article without a label).</summary>
    NotRelevant,

    /// <summary>Touches the topic (background, a mention, a market reaction): an alert on it is not a false alert, missing it is not a miss.</summary>
    Related,

    /// <summary>Clearly about the topic: the alert must go out.</summary>
    Core,
}

/// <summary>
/// Relevance judgments per (topic, article), read from a tab-separated file of <c>topic</c>, <c>article id</c>,
/// <c>grade</c> (<c>core</c>, <c>related</c> or <c>not</c>) lines; <c>#</c> starts a comment. Articles without a label
/// count as not relevant, as in TREC-style pooled judgments.
/// </summary>
public sealed class RelevanceLabels
{
    private readonly Dictionary<string, Dictionary<string, RelevanceGrade>> byTopic = new(StringComparer.Ordinal);

    /// <summary>Topics that have at least one label.</summary>
    public IReadOnlyCollection<string> Topics => byTopic.Keys;

    /// <summary>The grade of an article for a topic (not relevant when unlabelled).</summary>
    public RelevanceGrade GradeOf(string topicId, string articleId) =>
        byTopic.TryGetValue(topicId, out var grades) && grades.TryGetValue(articleId, out var grade) ? grade : RelevanceGrade.NotRelevant;

    /// <summary>Articles with the given grade for a topic.</summary>
    public IEnumerable<string> ArticlesGraded(string topicId, RelevanceGrade grade) =>
        byTopic.TryGetValue(topicId, out var grades) ? grades.Where(g => g.Value == grade).Select(g => g.Key) : [];

    /// <summary>Records a judgment; a later one for the same pair replaces the earlier.</summary>
    public void Add(string topicId, string articleId, RelevanceGrade grade)
    {
        if (!byTopic.TryGetValue(topicId, out var grades))
        {
            byTopic[topicId] = grades = new Dictionary<string, RelevanceGrade>(StringComparer.Ordinal);
        }

        grades[articleId] = grade;
    }

    /// <summary>Reads a labels file; throws <see cref="FormatException"/> naming the line of a bad row.</summary>
    public static RelevanceLabels Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads labels from text.</summary>
    public static RelevanceLabels Read(TextReader reader, string name = "labels")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var labels = new RelevanceLabels();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split('\t', StringSplitOptions.TrimEntries);
            if (fields.Length < 3 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {lineNumber}: expected 'topic<TAB>article id<TAB>grade'"));
            }

            labels.Add(fields[0], fields[1], ParseGrade(fields[2]) ?? throw new FormatException(
                string.Create(CultureInfo.InvariantCulture, $"{name} line {lineNumber}: grade '{fields[2]}' is not one of core, related, not")));
        }

        return labels;
    }

    private static RelevanceGrade? ParseGrade(string grade) => grade.ToLowerInvariant() switch
    {
        "core" or "2" => RelevanceGrade.Core,
        "related" or "1" => RelevanceGrade.Related,
        "not" or "none" or "0" => RelevanceGrade.NotRelevant,
        _ => null,
    };
}
