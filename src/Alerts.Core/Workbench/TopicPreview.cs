using System.Diagnostics;
using System.Globalization;
using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Workbench;

/// <summary>What a topic would do with one stored article.</summary>
/// <param name="Article">The article.</param>
/// <param name="Score">Its score (0 when the query did not match).</param>
/// <param name="Why">For an alert, why in plain words; for a near miss, what kept it out, in plain words.</param>
/// <param name="Evidence">The technical evidence.</param>
public sealed record PreviewItem(Article Article, double Score, string Why, IReadOnlyList<MatchEvidence> Evidence);

/// <summary>A word or name frequent in what a topic catches or nearly catches, but not in its query.</summary>
/// <param name="Term">The word as most often written.</param>
/// <param name="Articles">In how many of the alerts and near misses it appears.</param>
public sealed record PreviewSuggestion(string Term, int Articles);

/// <summary>A topic tried against the stored articles before it is saved.</summary>
/// <param name="Scanned">Articles read.</param>
/// <param name="Alerts">What would alert, best first.</param>
/// <param name="NearMisses">What nearly would, with the reason, best first.</param>
/// <param name="Suggestions">Words to consider adding.</param>
/// <param name="Elapsed">Scoring time (reading the articles not included).</param>
public sealed record TopicPreviewResult(int Scanned, IReadOnlyList<PreviewItem> Alerts, IReadOnlyList<PreviewItem> NearMisses, IReadOnlyList<PreviewSuggestion> Suggestions, TimeSpan Elapsed)
{
    /// <summary>Alerts beyond the ones listed.</summary>
    public int MoreAlerts { get; init; }

    /// <summary>Near misses beyond the ones listed.</summary>
    public int MoreNearMisses { get; init; }

    /// <summary>The query's words read as names, which match only their own forms ("Mars", not "marred").</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>How the topic's places were read, in words (null when it names none): see <see cref="PlacesReadAs"/>.</summary>
    public string? Places { get; init; }

    /// <summary>The query's <c>category:</c> terms no scanned article's category matches, in words (null when none).</summary>
    public string? Categories { get; init; }

    /// <summary>For each word of the query, the forms it found in the stories that would alert (see <see cref="WordsFound"/>).</summary>
    public IReadOnlyList<WordFound> WordsFound { get; init; } = [];
}

/// <summary>
/// Runs one topic, not yet saved, over stored articles, with the same scorer as the pipeline, and sorts what it sees:
/// alerts; near misses (every word group but one matched, a constraint failed, or a score just under the threshold),
/// each with the reason in words; and suggestions, the words the hits and near misses share that the query lacks.
/// </summary>
public static class TopicPreview
{
    /// <summary>The semantic part of a preview when the semantic signal is on (an embedder is registered), else null.</summary>
    public static (ITextEmbedder Embedder, double MinSimilarity)? SemanticFrom(IEnumerable<ITextEmbedder> embedders, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(embedders);
        ArgumentNullException.ThrowIfNull(options);
        return embedders.FirstOrDefault() is { } embedder ? (embedder, options.SemanticMinSimilarity) : null;
    }

    private static float[]? StoredVector(Article article) => Embeddings.Decode(article.Embedding);

    /// <summary>The query's names said in plain words, for the CLI and the workbench page alike.</summary>
    public static string NamesLine(IReadOnlyList<string> names) =>
        $"Read as names (only these forms match, not other words with the same stem): {string.Join(", ", names)}. Write a word in lower case to match all its endings.";

    /// <summary>How far under the threshold a score still counts as a near miss.</summary>
    public const double NearMissMargin = 0.15;

    /// <summary>Items listed per kind.</summary>
    public const int MaxListed = 50;

    /// <summary>Previews <paramref name="topic"/> over <paramref name="articles"/>.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="articles">The stored articles.</param>
    /// <param name="semantic">
    /// With the semantic signal on: the embedder (used for the topic's own text only, never for stored articles, which
    /// carry their embeddings) and the similarity from which an unmatched article counts as close in meaning.
    /// </param>
    /// <param name="articleVector">
    /// An unmatched article's embedding when the articles carry none (a file of articles): asked only for the articles
    /// the words do not reach, so the model reads no more than it must.
    /// </param>
    public static TopicPreviewResult Run(WatchTopic topic, IEnumerable<Article> articles, (ITextEmbedder Embedder, double MinSimilarity)? semantic = null, Func<Article, float[]?>? articleVector = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(articles);
        var clock = Stopwatch.StartNew();
        var index = TopicIndex.Build([topic], Gazetteer.Default, "preview");
        var compiled = index.All.Single();
        var topicVector = semantic?.Embedder.Embed(SemanticSignal.TopicText(compiled));
        var alerts = new List<PreviewItem>();
        var nearMisses = new List<PreviewItem>();
        var scanned = 0;
        var partial = new List<CompiledTopic>();
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var wordsFound = new WordsFound(compiled.Clauses);
        foreach (var article in articles)
        {
            scanned++;
            categories.UnionWith(article.Categories);
            var document = ArticleText.Analyze(article);
            partial.Clear();
            var isCandidate = index.Candidates(document, partial).Count > 0;
            if (isCandidate && TopicEvaluator.Evaluate(compiled, document, () => ArticleEntities.Of(document)) is { } match)
            {
                if (match.Alert)
                {
                    wordsFound.Add(document);
                    alerts.Add(new PreviewItem(article, match.Score, PlainWhy.Line(match), match.Evidence));
                }
                else if (NearMissReason(match, topic) is { } reason)
                {
                    nearMisses.Add(new PreviewItem(article, match.Score, reason, match.Evidence));
                }
            }
            // Only an article the presearch found meeting the query's words, or part of them, can lack just one group: a
            // group may fail on words the presearch counts as there ("units" for `#unit`, two words too far apart).
            else if ((isCandidate || partial.Count > 0) && TopicEvaluator.MissingClause(compiled, document) is { } missing)
            {
                var why = QueryShortfall.MissingGroup(compiled, document, missing).Reason;
                nearMisses.Add(new PreviewItem(article, 0, why, [new MatchEvidence("missing", why)]));
            }
            else if (topicVector is not null && TopicEvaluator.PassesExclusionsAndFilters(compiled, document) && (articleVector ?? StoredVector)(article) is { } vector
                && SemanticSignal.Dot(topicVector, vector) is var similarity && similarity >= semantic!.Value.MinSimilarity)
            {
                var why = string.Create(CultureInfo.InvariantCulture, $"close in meaning to the topic (similarity {similarity:0.00}), but its words do not match the query");
                nearMisses.Add(new PreviewItem(article, 0, why, [new MatchEvidence("semantic", why)]));
            }
        }

        alerts.Sort(ByScoreThenDate);
        nearMisses.Sort(ByScoreThenDate);
        var suggestions = Suggest(topic, [.. alerts, .. nearMisses]);
        return new TopicPreviewResult(scanned, [.. alerts.Take(MaxListed)], [.. nearMisses.Take(MaxListed)], suggestions, clock.Elapsed)
        {
            MoreAlerts = Math.Max(0, alerts.Count - MaxListed),
            MoreNearMisses = Math.Max(0, nearMisses.Count - MaxListed),
            Names = QueryParser.NamesIn(compiled.Query),
            Places = PlacesReadAs.Line(topic.Constraints, Gazetteer.Default, QueryParser.PlacesNamedIn(compiled.Query)),
            Categories = CategoryNode.UnmatchedIn(topic, categories) is { Count: > 0 } unmatched ? string.Join("; ", unmatched) : null,
            WordsFound = wordsFound.Result(),
        };
    }

    // A failed constraint says which; a score under the threshold says by how much.
    private static string? NearMissReason(TopicMatch match, WatchTopic topic)
    {
        if (!match.ConstraintsHold)
        {
            var failed = match.Evidence.Where(e => e.Kind == "constraint").Select(e => e.Description).ToList();
            return failed.Count == 0 ? "a constraint did not hold" : string.Join("; ", failed.Select(f => "constraint: " + f));
        }

        return match.Score >= topic.Threshold - NearMissMargin
            ? string.Create(CultureInfo.InvariantCulture, $"scored {match.Score:0.00}, just under the threshold {topic.Threshold:0.00} (the words are far apart or only in the text)")
            : null;
    }

    private static int ByScoreThenDate(PreviewItem a, PreviewItem b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : b.Article.Published.CompareTo(a.Article.Published);
    }

    // Words of the hits' and near misses' headlines and summaries that at least two of them and a fifth of them share,
    // and that the query does not already cover (as a word or a prefix).
    /// <summary>A word worth suggesting for a query: a real word of four letters or more, not a stop word.</summary>
    internal static bool IsSuggestibleWord(AnalyzedToken token) =>
        !token.IsStopWord && token.Surface.Length >= 4 && token.Surface.All(char.IsLetter);

    private static IReadOnlyList<PreviewSuggestion> Suggest(WatchTopic topic, List<PreviewItem> items)
    {
        if (items.Count < 2)
        {
            return [];
        }

        var queryWords = QueryWords.Of(topic);
        var counts = new Dictionary<string, (int Articles, Dictionary<string, int> Forms)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in TextAnalyzer.Analyze(HeadlineCredit.Without(item.Article.Title) + " " + item.Article.Summary))
            {
                if (!IsSuggestibleWord(token)
                    || queryWords.Cover(token)
                    || !seen.Add(token.Stem))
                {
                    continue;
                }

                var entry = counts.TryGetValue(token.Stem, out var found) ? found : (Articles: 0, Forms: new Dictionary<string, int>(StringComparer.Ordinal));
                entry.Forms[token.Surface] = entry.Forms.GetValueOrDefault(token.Surface) + 1;
                counts[token.Stem] = (entry.Articles + 1, entry.Forms);
            }
        }

        var least = Math.Max(2, (int)Math.Ceiling(items.Count / 5.0));
        return [.. counts.Where(c => c.Value.Articles >= least)
            .OrderByDescending(c => c.Value.Articles).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(10)
            .Select(c => new PreviewSuggestion(c.Value.Forms.MaxBy(f => f.Value).Key, c.Value.Articles))];
    }
}
