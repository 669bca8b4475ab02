using System.Xml.Linq;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>The text of a category element as the formats give it (cleaned after by <see cref="Alerts.Core.Articles.ArticleCategories"/>).</summary>
internal static class FeedCategories
{
    /// <summary>Atom's category: its human-readable label, else its term (the label may be absent, the term may not).</summary>
    public static string OfAtom(XElement category) =>
        category.Attribute("label")?.Value is { } label && !string.IsNullOrWhiteSpace(label)
            ? label
            : category.Attribute("term")?.Value ?? OwnText(category);

    /// <summary>An element's own text, not that of elements inside it (a feed may put an image in its category).</summary>
    public static string OwnText(XElement element) => string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));
}
