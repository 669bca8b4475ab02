using Alerts.Core.Text;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Workbench;

/// <summary>One form a query word found, and in how many of the stories that would alert.</summary>
/// <param name="Text">The form as the stories wrote it ("Cards").</param>
/// <param name="Articles">In how many of them.</param>
public sealed record FoundForm(string Text, int Articles);

/// <summary>What one word of a query found in the stories that would alert.</summary>
/// <param name="Word">The word as the query wrote it (<c>carding</c>, <c>fraud*</c>, <c>"credit card"</c>, <c>place:Ohio</c>).</param>
/// <param name="Articles">In how many of those stories it found anything.</param>
/// <param name="Forms">What it found there, most frequent first.</param>
public sealed record WordFound(string Word, int Articles, IReadOnlyList<FoundForm> Forms);

/// <summary>
/// Counts, for each word of a query, the forms it found in the stories that would alert. A word matches its endings
/// and, unless it is a name, its everyday senses, so a topic's false alerts often come from a form the writer never
/// meant: a consumer-fraud topic's <c>carding</c> found "Cards" (the St. Louis team) and memory cards, because the
/// stemmer folds it into "card". Seen as a list ("carding: Cards 12, card 9"), such a form is plain before the topic
/// is saved; the words inside an exclusion are left out (they keep stories out, they find none).
/// </summary>
public sealed class WordsFound(IReadOnlyList<QueryNode> clauses)
{
    /// <summary>Words listed, those that found the most first.</summary>
    public const int MaxWords = 20;

    /// <summary>Forms listed per word.</summary>
    public const int MaxForms = 6;

    // Each word with the clause it belongs to: its forms count only inside what that clause matched.
    private readonly IReadOnlyList<(string Word, QueryNode Node, int Clause)> words = [.. clauses.SelectMany((clause, i) => Words(clause).Select(w => (w.Word, w.Node, i)))];
    private readonly Dictionary<string, (int Articles, Dictionary<string, int> Forms)> found = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts what each word finds in one story that would alert: only the forms inside a span its clause matched, so
    /// in <c>jobs NEAR/2 lost</c> "Steve Jobs" in the headline is not counted when "jobs were lost" is what matched.
    /// </summary>
    public void Add(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = new Dictionary<int, List<QueryHit>>();
        var formsHere = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var hits = new List<QueryHit>();
        foreach (var (word, node, clause) in words)
        {
            if (!spans.TryGetValue(clause, out var matched))
            {
                matched = [];
                clauses[clause].Evaluate(document, matched);
                spans[clause] = matched;
            }

            hits.Clear();
            node.Evaluate(document, hits);
            foreach (var hit in hits.Where(hit => matched.Any(span => span.From <= hit.From && hit.To <= span.To)))
            {
                if (TextAt(document, hit) is { } form)
                {
                    (formsHere.TryGetValue(word, out var forms) ? forms : formsHere[word] = new HashSet<string>(StringComparer.Ordinal)).Add(form);
                }
            }
        }

        foreach (var (word, forms) in formsHere)
        {
            var entry = found.TryGetValue(word, out var counted) ? counted : (Articles: 0, Forms: new Dictionary<string, int>(StringComparer.Ordinal));
            foreach (var form in forms)
            {
                entry.Forms[form] = entry.Forms.GetValueOrDefault(form) + 1;
            }

            found[word] = (entry.Articles + 1, entry.Forms);
        }
    }

    /// <summary>The words that found anything, those that found the most first, each with its commonest forms.</summary>
    public IReadOnlyList<WordFound> Result() =>
        [.. words.Select(w => w.Word).Distinct(StringComparer.Ordinal).Where(found.ContainsKey)
            .Select(word => (Word: word, Found: found[word]))
            .OrderByDescending(w => w.Found.Articles)
            .Take(MaxWords)
            .Select(w => new WordFound(
                w.Word,
                w.Found.Articles,
                [.. w.Found.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(MaxForms).Select(f => new FoundForm(f.Key, f.Value))]))];

    /// <summary>The list in one line per word, for the CLI and the workbench page alike.</summary>
    public static string Line(WordFound word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return $"{word.Word}: " + string.Join(", ", word.Forms.Select(f => $"{f.Text} ({f.Articles})"));
    }

    /// <summary>What the list is, said once above it.</summary>
    public const string Heading = "What each word found in the stories that would alert (a form you did not mean brings false alerts: write the word with # for its own form, or pair it with a word of its sense):";

    // The words of a clause: a word with the spellings the analysis adds ("cease-fire" with ceasefire) is one word, as
    // written; a NOT finds nothing.
    private static IEnumerable<(string Word, QueryNode Node)> Words(QueryNode node) => node switch
    {
        NotNode or CategoryNode => [],
        TermNode { IsOtherSpelling: true } => [],
        OrNode { ShownAs: not null } spelled => [(spelled.ToString(), spelled)],
        OrNode { Children: [var written, _, ..] } joined when joined.Children.Skip(1).All(c => c is TermNode { IsOtherSpelling: true }) => [(written.ToString(), joined)],
        OrNode or => or.Children.SelectMany(Words),
        AndNode and => and.Children.SelectMany(Words),
        NearNode near => Words(near.Left).Concat(Words(near.Right)),
        NotNearNode notNear => Words(notNear.Left),
        _ => [(node.ToString(), node)],
    };

    private static string? TextAt(AnalyzedDocument document, QueryHit hit)
    {
        if (document.TokenAt(hit.From) is not { } first || document.TokenAt(hit.To) is not { } last)
        {
            return null;
        }

        var text = document.TextOf(first);
        var end = Math.Max(first.End, last.End);
        return document.IsTitle(hit.From) == document.IsTitle(hit.To) && end <= text.Length ? Whitespace.Collapse(text[first.Start..end]) : null;
    }
}
