namespace Alerts.Core.Topics.Query;

/// <summary>
/// A phrase's "and" between two words written as "&amp;", or its "&amp;" as "and": "Johnson and Johnson" and "Johnson
/// &amp; Johnson", "Procter &amp; Gamble" and "Procter and Gamble" are one name, and news archives write it both ways.
/// The joined initials of "AT&amp;T" or "S&amp;P" are a word of their own and are left alone.
/// </summary>
public static class AmpersandSpelling
{
    /// <summary>The phrase with each "&amp;" standing between two words as "and", or, when it has none, each "and" as "&amp;"; null when it has neither.</summary>
    public static string? Other(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
        {
            return null;
        }

        var between = Enumerable.Range(1, words.Length - 2);
        var ampersands = between.Where(i => words[i] == "&").ToList();
        var ands = between.Where(i => words[i] is "and" or "And").ToList();
        var (replaced, by) = ampersands.Count > 0 ? (ampersands, "and") : (ands, "&");
        if (replaced.Count == 0)
        {
            return null;
        }

        foreach (var i in replaced)
        {
            words[i] = by;
        }

        return string.Join(' ', words);
    }
}
