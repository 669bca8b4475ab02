using System.Xml.Linq;
using Alerts.Core.Articles;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>An entry's categories as every format gives them: trimmed, whitespace collapsed, each once.</summary>
internal static class FeedCategories
{
    /// <summary>Atom's category: its human-readable label, else its term (the label may be absent, the term may not).</summary>
    public static string OfAtom(XElement category) =>
        category.Attribute("label")?.Value is { Length: > 0 } label && !string.IsNullOrWhiteSpace(label)
            ? label
            : category.Attribute("term")?.Value ?? OwnText(category);

    /// <summary>An element's own text, not that of elements inside it (a feed may put an image in its category).</summary>
    public static string OwnText(XElement element) => string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));

    /// <summary>The names cleaned as every source's are (<see cref="ArticleCategories.Clean"/>).</summary>
    public static List<string> Distinct(IEnumerable<string> names) => ArticleCategories.Clean(names.Select(FeedTextCleaner.CollapseWhitespace));
}
