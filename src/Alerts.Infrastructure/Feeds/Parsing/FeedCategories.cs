using System.Xml.Linq;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>An entry's categories as every format gives them: trimmed, whitespace collapsed, each once.</summary>
internal static class FeedCategories
{
    // More than this is a tag cloud, not the sections a story was filed under.
    private const int MaxPerEntry = 20;

    /// <summary>Atom's category: its human-readable label, else its term (the label may be absent, the term may not).</summary>
    public static string OfAtom(XElement category) =>
        category.Attribute("label")?.Value is { Length: > 0 } label && !string.IsNullOrWhiteSpace(label)
            ? label
            : category.Attribute("term")?.Value ?? OwnText(category);

    /// <summary>An element's own text, not that of elements inside it (a feed may put an image in its category).</summary>
    public static string OwnText(XElement element) => string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));

    /// <summary>The names cleaned, empty ones dropped, each once whatever its case.</summary>
    public static List<string> Distinct(IEnumerable<string> names) =>
        names.Select(n => FeedTextCleaner.CollapseWhitespace(n).Trim())
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxPerEntry)
            .ToList();
}
