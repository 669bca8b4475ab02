using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Workbench;

/// <summary>A change to a topic that would have caught a missed article, and what it does to the stored articles.</summary>
/// <param name="Change">The change in words ("add “stadium” to group 2").</param>
/// <param name="Topic">The topic with the change.</param>
/// <param name="Alerts">Stored articles the changed topic alerts on.</param>
/// <param name="NewAlerts">Of those, how many the topic as it is does not.</param>
public sealed record TopicChange(string Change, WatchTopic Topic, int Alerts, int NewAlerts);

/// <summary>Why a topic did not alert on an article, and the changes that would have caught it.</summary>
/// <param name="Alerted">Whether it does alert after all.</param>
/// <param name="Score">Its score (0 when the query did not match).</param>
/// <param name="Reasons">What kept it out, in words.</param>
/// <param name="Changes">Changes that catch it, the one adding the fewest other alerts first.</param>
public sealed record MissExplanation(bool Alerted, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<TopicChange> Changes);

/// <summary>
/// "I missed this": scores an article a user says a topic should have caught, says exactly what kept it out (a word
/// group with no word in it, a constraint, the threshold), and tries the changes that would have caught it on the
/// stored articles, so their cost in other alerts shows before anything is saved.
/// </summary>
public static class MissedArticle
{
    private const int WordsTried = 6;

    /// <summary>Explains the miss and proposes changes, each previewed on <paramref name="stored"/>.</summary>
    public static MissExplanation Explain(WatchTopic topic, Article article, IReadOnlyList<Article> stored)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(stored);
        var compiled = CompiledTopic.Compile(topic, Gazetteer.Default);
        var document = ArticleText.Analyze(article);
        var match = TopicEvaluator.Evaluate(compiled, document, () => ArticleEntities.Of(document));
        if (match is { Alert: true })
        {
            return new MissExplanation(true, match.Score, ["it does alert: " + PlainWhy.Line(match)], []);
        }

        var reasons = new List<string>();
        // Each candidate is a change and, when it does not catch the article, the one to try instead.
        var candidates = new List<(string Change, WatchTopic Topic)[]>();
        if (match is null)
        {
            if (TopicEvaluator.MissingClause(compiled, document) is { } missing)
            {
                var shortfall = QueryShortfall.MissingGroup(compiled, document, missing);
                reasons.Add(shortfall.Reason);
                var groupNames = GroupsByClause(topic);
                var wordsToAdd = shortfall.WordsThereUncounted ? shortfall.AnywhereForms : WordsToAdd(compiled, missing, document);
                foreach (var word in wordsToAdd)
                {
                    (string, WatchTopic) writtenOut = ($"add “{word}” to group {missing + 1}", topic with { Query = WithWord(compiled, missing, word, groupNames) });
                    // A group the clause reads as may be used elsewhere too (in an exclusion, or a namesake group with
                    // the same words): the change says so, and the clause written out is tried when it fails.
                    candidates.Add(groupNames.TryGetValue(compiled.Clauses[missing].ToString(), out var name)
                        ? [($"add “{word}” to @{name} (group {missing + 1}{(UsesOf(topic.Query, name) > 1 ? ", also used elsewhere in the query" : string.Empty)})", topic with { Groups = WithWordInGroup(topic.Groups!, name, word) }), writtenOut]
                        : [writtenOut]);
                }
            }
            else
            {
                // What the nearest part found and lacked, an excluded word that is there, a category it is not filed under.
                reasons.Add(QueryShortfall.Describe(compiled, document));
            }
        }
        else if (!match.ConstraintsHold)
        {
            reasons.AddRange(match.Evidence.Where(e => e.Kind == "constraint").Select(e => "constraint: " + e.Description));
            if (topic.Constraints is { Strict: true } strict)
            {
                candidates.Add([("let stories that do not say where they happen through (strict: false)", topic with { Constraints = strict with { Strict = false } })]);
            }

            candidates.Add([("remove the constraints", topic with { Constraints = null })]);
        }
        else
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"scored {match.Score:0.00}, under the threshold {topic.Threshold:0.00}"));
            var lower = Math.Floor(match.Score * 20) / 20;
            candidates.Add([(string.Create(CultureInfo.InvariantCulture, $"lower the threshold to {lower:0.00}"), topic with { Threshold = lower })]);
        }

        var before = TopicPreview.Run(topic, stored);
        var alertedBefore = before.Alerts.Select(a => a.Article.Key).ToHashSet(StringComparer.Ordinal);
        var changes = new List<TopicChange>();
        foreach (var alternatives in candidates)
        {
            // The first alternative that is a valid topic and catches the article.
            if (alternatives.FirstOrDefault(c => TopicValidation.Validate(c.Topic).Count == 0 && TopicPreview.Run(c.Topic, [article]).Alerts.Count > 0) is not ({ } change, { } changed))
            {
                continue;
            }

            var after = TopicPreview.Run(changed, stored);
            var total = after.Alerts.Count + after.MoreAlerts;
            var fresh = after.Alerts.Count(a => !alertedBefore.Contains(a.Article.Key)) + Math.Max(0, after.MoreAlerts - before.MoreAlerts);
            changes.Add(new TopicChange(change, changed, total, fresh));
        }

        return new MissExplanation(false, match?.Score ?? 0, reasons, [.. changes.OrderBy(c => c.NewAlerts).ThenBy(c => c.Change, StringComparer.Ordinal)]);
    }

    // The article's own content words, headline first, that the query does not have: what the missing group lacks.
    private static IEnumerable<string> WordsToAdd(CompiledTopic compiled, int missing, AnalyzedDocument document)
    {
        var inQuery = QueryWords.Of(compiled.Topic);
        return document.Tokens
            .Where(t => TopicPreview.IsSuggestibleWord(t) && !document.IsInHeadlineCredit(t) && !inQuery.Cover(t))
            .Select(t => t.Surface)
            .Distinct(StringComparer.Ordinal)
            .Take(WordsTried);
    }

    // The query with one word added to one group, written back in the topic language; a clause that is one of the
    // topic's word groups stays written by its name (@it), so the group is still one list the topic uses.
    private static string WithWord(CompiledTopic compiled, int group, string word, Dictionary<string, string> groupNames)
    {
        string Written(QueryNode clause) =>
            groupNames.TryGetValue(clause.ToString(), out var name) ? "@" + name
            : clause is OrNode { IsWrittenWithOr: true } ? $"({clause})"
            : clause.ToString();

        var clauses = compiled.Clauses.Select((clause, i) => i == group
            ? $"({(clause is OrNode { IsWrittenWithOr: true } ? clause.ToString() : Written(clause))} OR {word})"
            : Written(clause));
        var exclusions = compiled.Exclusions.Select(e => groupNames.TryGetValue(e.Child.ToString(), out var name) ? "-@" + name : e.ToString());
        return string.Join(" ", clauses.Concat(compiled.Filters.Select(Written)).Concat(exclusions));
    }

    // Each word group of the topic as the query reads it, to find the clauses that are a group used by its name.
    private static Dictionary<string, string> GroupsByClause(WatchTopic topic)
    {
        var byClause = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, words) in topic.Groups ?? new Dictionary<string, string>())
        {
            try
            {
                byClause.TryAdd(QueryParser.Parse(words).ToString(), name);
            }
            catch (QueryParseException)
            {
                // A stored topic's groups parse; one that does not is simply not recognised.
            }
        }

        return byClause;
    }

    private static int UsesOf(string query, string name) =>
        Regex.Count(query, $@"(?<![\w@])@{Regex.Escape(name)}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Dictionary<string, string> WithWordInGroup(IReadOnlyDictionary<string, string> groups, string name, string word) =>
        groups.ToDictionary(g => g.Key, g => g.Key == name ? $"{g.Value} OR {word}" : g.Value, StringComparer.Ordinal);
}
