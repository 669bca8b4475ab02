namespace Alerts.Core.Articles;

/// <summary>
/// An article's categories as every source gives them to Alerts (a feed, a push, a news file): trimmed, spaces
/// collapsed, empty ones dropped, each once whatever its case, at most <see cref="MaxPerArticle"/>.
/// </summary>
public static class ArticleCategories
{
    /// <summary>Most categories kept: more is a tag cloud, not the sections a story was filed under.</summary>
    public const int MaxPerArticle = 20;

    /// <summary>The names cleaned, in their order.</summary>
    public static List<string> Clean(IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names
            .Select(name => string.Join(' ', (name ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxPerArticle)
            .ToList();
    }
}
