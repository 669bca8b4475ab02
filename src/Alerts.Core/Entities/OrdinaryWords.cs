namespace Alerts.Core.Entities;

/// <summary>
/// English words more often written in lower case than with a capital (generated from SUBTLEX-US word counts by
/// tools/gazetteer). A query word written with a capital is a name unless it is one of these: "Mars" is a name,
/// "Games" or "Deploy" at the start of a query are ordinary words that keep all their endings.
/// </summary>
public static class OrdinaryWords
{
    private static readonly Lazy<HashSet<string>> Words = new(() => new HashSet<string>(EntityData.Lines("ordinary-words.tsv"), StringComparer.Ordinal));

    /// <summary>Whether a lower-case, accent-folded word is an ordinary English word.</summary>
    public static bool Contains(string folded) => Words.Value.Contains(folded);
}
