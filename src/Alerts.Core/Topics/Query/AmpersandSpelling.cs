namespace Alerts.Core.Topics.Query;

/// <summary>
/// A phrase's "and" between two words written as "&amp;", and its "&amp;" as "and": "Johnson and Johnson" and "Johnson
/// &amp; Johnson", "Procter &amp; Gamble" and "Procter and Gamble" are one name, and news archives write it both ways.
/// The joined initials of "AT&amp;T" or "S&amp;P" are a word of their own and are left alone.
/// </summary>
public static class AmpersandSpelling
{
    // A phrase with more "and"s than this gets its other spellings for the first ones only (2^4 spellings at most).
    private const int MaxSlots = 4;

    /// <summary>
    /// The phrase's other spellings: every way of writing each "and" (in any case) or "&amp;" that stands between two
    /// words as the other, the phrase as written left out; none when it has neither.
    /// </summary>
    public static IReadOnlyList<string> Others(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slots = Enumerable.Range(1, Math.Max(0, words.Length - 2))
            .Where(i => words[i] == "&" || words[i].Equals("and", StringComparison.OrdinalIgnoreCase))
            .Take(MaxSlots)
            .ToList();
        var others = new List<string>();
        for (var choice = 0; choice < 1 << slots.Count; choice++)
        {
            var spelled = (string[])words.Clone();
            for (var s = 0; s < slots.Count; s++)
            {
                spelled[slots[s]] = (choice & (1 << s)) != 0 ? "&" : "and";
            }

            var other = string.Join(' ', spelled);
            if (other != string.Join(' ', words))
            {
                others.Add(other);
            }
        }

        return others;
    }
}
