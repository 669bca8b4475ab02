using System.Text.RegularExpressions;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Workbench;

/// <summary>
/// The words a topic's query already finds, for proposing others (the preview's suggestions, "I missed this"): a word
/// of the text is covered when the query writes its stem or the base of a derivation it finds ("renewable" for
/// <c>renew</c>), a prefix its letters begin (<c>negotiat*</c>), or a <c>#</c> word its one form (<c>#unit</c> covers
/// "unit", and leaves "units" to be proposed).
/// </summary>
public sealed partial class QueryWords
{
    private readonly HashSet<string> stems;
    private readonly string[] prefixes;
    private readonly HashSet<string> exactForms;

    private QueryWords(HashSet<string> stems, string[] prefixes, HashSet<string> exactForms) =>
        (this.stems, this.prefixes, this.exactForms) = (stems, prefixes, exactForms);

    /// <summary>Reads a topic's query, its word groups spelled out.</summary>
    public static QueryWords Of(WatchTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var query = QueryGroups.ExpandedQuery(topic);
        // "title:Sudan" writes the word Sudan (read as text, the field and the word would be one token); a `#` word
        // outside quotes is one form, not its stem, and a prefix is letters.
        var text = FieldPrefix().Replace(query, " ");
        var plain = ExactFormOrPrefix().Replace(text, m => m.Groups["quoted"].Success ? m.Value : " ");
        var prefixes = ExactFormOrPrefix().Matches(text)
            .Where(m => m.Groups["prefix"].Success)
            .Select(m => TextAnalyzer.Analyze(m.Groups["prefix"].Value).LastOrDefault().Surface)
            .Where(prefix => !string.IsNullOrEmpty(prefix))
            .ToArray();
        var exactForms = QueryParser.Terms(QueryParser.Parse(query))
            .Where(term => term.Written.StartsWith('#') && term.NameForms is not null)
            .SelectMany(term => term.NameForms!)
            .ToHashSet(StringComparer.Ordinal);
        var stems = TextAnalyzer.Analyze(plain).Select(t => t.Stem).Where(stem => stem.Length > 0).ToHashSet(StringComparer.Ordinal);
        return new QueryWords(stems, prefixes, exactForms);
    }

    /// <summary>Whether the query already finds this word of a text.</summary>
    public bool Cover(AnalyzedToken token) =>
        TextAnalyzer.IsFoundByAny(token.Stem, stems)
        || exactForms.Contains(token.Surface)
        || prefixes.Any(prefix => token.Surface.StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex(@"\b(?:title|place|category):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FieldPrefix();

    // A quoted phrase (kept: inside quotes '#' is text, as in a hashtag), a `#` word, or a prefix ("negotiat*").
    [GeneratedRegex(@"(?<quoted>""[^""]*"")|#[\p{L}\p{N}]+|(?<prefix>[\p{L}\p{N}][\p{L}\p{N}.'-]*)\*", RegexOptions.CultureInvariant)]
    private static partial Regex ExactFormOrPrefix();
}
