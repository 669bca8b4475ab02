using System.Globalization;

namespace Alerts.Core.Evaluation;

/// <summary>
/// Judgments an evaluation cannot use, said before the figures: a topic without labels (a misspelt id: the labels'
/// other topics are named), and core or related labels for articles the input does not hold (another file, or rows
/// numbered from 1). Left unsaid, either would quietly change a topic's recall, and an evaluation must not fool its reader.
/// </summary>
public static class LabelCoverage
{
    private const int IdsShown = 5;

    /// <summary>One line per problem, in the user's words; none when every judgment is used.</summary>
    public static IReadOnlyList<string> Warnings(RelevanceLabels labels, IEnumerable<string> topicIds, IEnumerable<string> articleIds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var topics = topicIds.Distinct(StringComparer.Ordinal).ToList();
        var articles = articleIds.ToHashSet(StringComparer.Ordinal);
        var warnings = new List<string>();
        var unlabelled = topics.Where(t => !labels.Topics.Contains(t)).ToList();
        if (unlabelled.Count > 0)
        {
            // One labels file may serve several topic files (a development and a test half): labels for other topics
            // are only worth naming when one of these topics has none, as a misspelt id would.
            var others = labels.Topics.Where(t => !topics.Contains(t, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            warnings.Add($"no labels for topic(s) {string.Join(", ", unlabelled)}: every alert of theirs counts as false"
                + (others.Count > 0 ? $" (the labels also name {Listed(others)})" : string.Empty));
        }

        foreach (var topic in labels.Topics.Where(t => topics.Contains(t, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            var absent = labels.ArticlesGraded(topic, RelevanceGrade.Core).Concat(labels.ArticlesGraded(topic, RelevanceGrade.Related))
                .Where(id => !articles.Contains(id))
                // Row numbers in their order ("2, 10"), as text would not.
                .OrderBy(id => id.Length)
                .ThenBy(id => id, StringComparer.Ordinal)
                .ToList();
            if (absent.Count == 0)
            {
                continue;
            }

            // An article without an id is numbered by its row: the likeliest reason for a number not found.
            var rows = absent.Any(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? " (an article without an id is numbered by its data row, the first row after the header being 0)"
                : string.Empty;
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"labels for {topic} name {absent.Count} core or related article(s) the input does not have ({Listed(absent)}), left out of its figures{rows}"));
        }

        return warnings;
    }

    private static string Listed(IReadOnlyList<string> ids) => string.Join(", ", ids.Take(IdsShown)) + (ids.Count > IdsShown ? ", ..." : string.Empty);
}
