using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// The words a query asks for, read as surnames: one after a first name makes the person the one asked for, so
/// <c>bill frist</c> and <c>bill frist*</c>, in lower case, find "Bill H. Frist" (see <see cref="TermNode.PassesOverFirstNames"/>).
/// </summary>
public sealed class SurnamesAsked(IEnumerable<string> stems, IEnumerable<string> prefixes)
{
    private readonly HashSet<string> stems = new(stems, StringComparer.Ordinal);
    private readonly string[] prefixes = [.. prefixes];

    /// <summary>Whether the query asks for this word of the article, by its stem or a prefix of it.</summary>
    public bool Contains(AnalyzedToken word) =>
        stems.Contains(word.Stem) || prefixes.Any(prefix => word.Surface.StartsWith(prefix, StringComparison.Ordinal));
}
