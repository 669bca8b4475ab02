using System.Globalization;

namespace Alerts.Infrastructure.Language;

/// <summary>Counts and cuts text the way the service measures it: in text elements (grapheme clusters).</summary>
internal static class TextElements
{
    /// <summary>The text cut after <paramref name="maxTextElements"/> grapheme clusters, never inside one.</summary>
    public static string Truncate(string text, int maxTextElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTextElements);

        // A cluster is at least one UTF-16 unit: short texts cannot be over the limit.
        if (text.Length <= maxTextElements)
        {
            return text;
        }

        var span = text.AsSpan();
        var position = 0;
        for (var count = 0; count < maxTextElements && position < span.Length; count++)
        {
            position += StringInfo.GetNextTextElementLength(span[position..]);
        }

        return position >= text.Length ? text : text[..position];
    }

    /// <summary>Number of grapheme clusters in the text.</summary>
    public static int Count(string text) => new StringInfo(text).LengthInTextElements;
}
