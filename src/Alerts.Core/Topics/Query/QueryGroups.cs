using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// Word groups named once in a topic and used by name in its query: <c>"groups": { "it": "software OR computer*" }</c>
/// with <c>@it</c> wherever a bracket could go (<c>flaw* NEAR/5 @it</c>, <c>-@sport</c>, <c>title:@it</c>). A writer
/// who needs one long list in several branches writes it once, so the copies cannot drift apart. A name is replaced
/// by its group in brackets before the query is parsed, so a group means exactly what the bracket would. A topic
/// without groups reads an <c>@</c> as text, as it always did (a stored query with <c>@nytimes</c> keeps its meaning).
/// </summary>
public static partial class QueryGroups
{
    /// <summary>Longest group name.</summary>
    public const int MaxNameLength = 40;

    /// <summary>Most groups one topic may name.</summary>
    public const int MaxGroups = 20;

    /// <summary>
    /// Longest query with its groups written out: room for a long list used a few times, while a short query that
    /// uses a long group hundreds of times is refused before it costs seconds to compile at every index rebuild.
    /// </summary>
    public const int MaxExpandedLength = 40_000;

    /// <summary>The query with every <c>@name</c> replaced by its group in brackets (the query itself when it names none).</summary>
    /// <exception cref="QueryParseException">A name that is not one of <paramref name="groups"/>, at its position.</exception>
    public static string Expand(string query, IReadOnlyDictionary<string, string>? groups) => ExpandMapped(query, groups).Text;

    /// <summary>The query of a topic as it is parsed: its groups put in place of their names.</summary>
    public static string ExpandedQuery(WatchTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Expand(topic.Query, topic.Groups);
    }

    /// <summary>Whether a group name is well formed: a letter, then letters, digits or dashes.</summary>
    public static bool IsValidName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    /// <summary>
    /// The expanded query and a way back from a position in it (1-based) to the position in the query as written: an
    /// error inside a group's text points at the name that brought it in.
    /// </summary>
    public static (string Text, Func<int, int> ToWritten) ExpandMapped(string query, IReadOnlyDictionary<string, string>? groups)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (groups is null || groups.Count == 0)
        {
            return (query, position => position);
        }

        var uses = Uses(query, groups);
        if (uses.Count == 0)
        {
            return (query, position => position);
        }

        var text = new StringBuilder(query.Length);
        // Where each piece starts in the expansion and in the query, and how long it is in each.
        var pieces = new List<Piece>();
        var from = 0;
        foreach (var (start, name) in uses)
        {
            if (!TryGet(groups, name, out var group))
            {
                throw new QueryParseException($"a word group defined in the topic's \"groups\" for '@{name}' (this topic's groups: {string.Join(", ", groups.Keys.Select(k => "@" + k))})", start + 1);
            }

            pieces.Add(new Piece(text.Length, from, start - from, start - from, IsGroup: false));
            text.Append(query, from, start - from);
            var replacement = "(" + group + ")";
            pieces.Add(new Piece(text.Length, start, replacement.Length, name.Length + 1, IsGroup: true));
            text.Append(replacement);
            from = start + name.Length + 1;
        }

        pieces.Add(new Piece(text.Length, from, query.Length - from, query.Length - from, IsGroup: false));
        text.Append(query, from, query.Length - from);
        return (text.ToString(), position => ToWritten(pieces, position));
    }

    // Where each "@name" starts (0-based) outside quotes, at the start of a word or after a bracket, a minus or "title:",
    // and ending at a space, a bracket or the end. An '@' inside a word is text (an e-mail address); a group's name
    // glued to a phrase or bracket before it, or to text after it, is refused: the reader cannot tell what was meant.
    private static List<(int Start, string Name)> Uses(string query, IReadOnlyDictionary<string, string>? groups)
    {
        var uses = new List<(int, string)>();
        var inPhrase = false;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c is '"' or '“' or '”')
            {
                inPhrase = !inPhrase;
                continue;
            }

            if (inPhrase || c != '@')
            {
                continue;
            }

            var end = i + 1;
            while (end < query.Length && (char.IsAsciiLetterOrDigit(query[end]) || query[end] == '-'))
            {
                end++;
            }

            if (end == i + 1)
            {
                continue;
            }

            var name = query[(i + 1)..end];
            var startsWord = i == 0 || char.IsWhiteSpace(query[i - 1]) || query[i - 1] is '(' or '-' or ':' or '!' or '\u2013' or '\u2014' or '\u2212';
            var endsWord = end == query.Length || char.IsWhiteSpace(query[end]) || query[end] == ')';
            if (startsWord && endsWord)
            {
                uses.Add((i, name));
            }
            else if (groups is not null && TryGet(groups, name, out _) && (startsWord || !char.IsLetterOrDigit(query[i - 1])))
            {
                // Glued to a phrase, a bracket or other punctuation before it, or to other text after it; after a
                // letter or digit it is an e-mail address's, and text.
                throw new QueryParseException(startsWord ? $"a space or ')' after '@{name}'" : $"a space before '@{name}'", startsWord ? end + 1 : i + 1);
            }

            i = end - 1;
        }

        return uses;
    }

    private static bool TryGet(IReadOnlyDictionary<string, string> groups, string name, out string group)
    {
        foreach (var (key, value) in groups)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                group = value;
                return true;
            }
        }

        group = string.Empty;
        return false;
    }

    /// <summary>
    /// The names of <paramref name="groups"/> a group's text uses itself (groups cannot use groups).
    /// </summary>
    /// <exception cref="QueryParseException">A group's name glued to other text, as in a query.</exception>
    public static IEnumerable<string> NamesUsedIn(string text, IReadOnlyDictionary<string, string> groups) =>
        Uses(text ?? string.Empty, groups).Select(use => use.Name).Where(name => TryGet(groups, name, out _));

    /// <summary>The length of the query with its groups written out, without writing them out.</summary>
    public static long ExpandedLength(string query, IReadOnlyDictionary<string, string>? groups)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (groups is null || groups.Count == 0)
        {
            return query.Length;
        }

        long length = query.Length;
        foreach (var (_, name) in Uses(query, groups))
        {
            length += TryGet(groups, name, out var group) ? group.Length + 2 - (name.Length + 1) : 0;
        }

        return length;
    }

    private static int ToWritten(List<Piece> pieces, int position)
    {
        var index = position - 1;
        foreach (var piece in pieces)
        {
            if (index < piece.Expanded + piece.ExpandedLength)
            {
                // Inside a group's text: the name that brought it in; elsewhere the same offset in the query.
                return piece.IsGroup ? piece.Written + 1 : piece.Written + (index - piece.Expanded) + 1;
            }
        }

        var last = pieces[^1];
        return last.Written + last.WrittenLength + (index - last.Expanded - last.ExpandedLength) + 1;
    }

    private readonly record struct Piece(int Expanded, int Written, int ExpandedLength, int WrittenLength, bool IsGroup);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex NamePattern();
}
