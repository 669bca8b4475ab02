namespace Alerts.Infrastructure.Channels;

/// <summary>A piece of an evidence snippet; highlighted pieces are the words that matched.</summary>
internal readonly record struct SnippetPart(string Text, bool Highlighted);

/// <summary>
/// Reads the scorer's snippet convention: the matched words are wrapped in «guillemets».
/// A « without its closing » is kept as plain text, so hostile or cut text never breaks the markup built from it.
/// </summary>
internal static class Snippets
{
    private const char Open = '«';
    private const char Close = '»';

    public static IReadOnlyList<SnippetPart> Parse(string? snippet, int maxChars = int.MaxValue)
    {
        var parts = new List<SnippetPart>();
        if (string.IsNullOrEmpty(snippet))
        {
            return parts;
        }

        var budget = maxChars;
        var position = 0;
        while (position < snippet.Length && budget > 0)
        {
            var open = snippet.IndexOf(Open, position);
            var close = open < 0 ? -1 : snippet.IndexOf(Close, open + 1);
            if (open < 0 || close < 0)
            {
                Add(parts, snippet[position..], highlighted: false, ref budget);
                break;
            }

            Add(parts, snippet[position..open], highlighted: false, ref budget);
            Add(parts, snippet[(open + 1)..close], highlighted: true, ref budget);
            position = close + 1;
        }

        return parts;
    }

    /// <summary>The snippet as plain text, matched words still marked with guillemets, within the length budget.</summary>
    public static string ToPlainText(string? snippet, int maxChars = int.MaxValue)
        => string.Concat(Parse(snippet, maxChars).Select(part => part.Highlighted ? $"{Open}{part.Text}{Close}" : part.Text));

    private static void Add(List<SnippetPart> parts, string text, bool highlighted, ref int budget)
    {
        if (text.Length == 0 || budget <= 0)
        {
            return;
        }

        if (text.Length > budget)
        {
            text = Redaction.Truncate(text, budget);
            budget = 0;
        }
        else
        {
            budget -= text.Length;
        }

        parts.Add(new SnippetPart(text, highlighted));
    }
}
