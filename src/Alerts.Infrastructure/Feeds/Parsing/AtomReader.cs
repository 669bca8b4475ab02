using System.Text;
using System.Xml.Linq;
using Alerts.Core.Articles;
using Alerts.Core.Feeds;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>Atom 1.0 and 0.3: text constructs (text, html, xhtml; 0.3 modes escaped, xml, base64) and alternate links.</summary>
internal sealed class AtomReader(Uri? documentBase, FeedParserOptions options) : XmlFormatReader(documentBase, options)
{
    private string[] _ns = [Atom10];

    public ParsedFeed ReadFeed(XElement root)
    {
        var isAtom03 = root.Name.NamespaceName == Atom03 || root.Attribute("version")?.Value == "0.3";
        _ns = root.Name.NamespaceName is Atom10 or Atom03 ? [root.Name.NamespaceName] : [root.Name.NamespaceName, Atom10, Atom03];
        var entries = Children(root, "entry", _ns).Take(Options.MaxEntries).Select(ReadEntry).ToList();
        var title = Child(root, "title", _ns) is { } t ? TextConstruct(t)?.ToPlain() : null;
        return new ParsedFeed(string.IsNullOrEmpty(title) ? null : title, AlternateLink(root), entries)
        {
            Format = isAtom03 ? "atom03" : "atom10",
        };
    }

    private FeedEntry ReadEntry(XElement entry)
    {
        var title = (Child(entry, "title", _ns) ?? MediaElement(entry, "title")) is { } t ? TextConstruct(t)?.ToPlain() : null;
        var summaryText = Child(entry, "summary", _ns) is { } s ? TextConstruct(s)
            : MediaElement(entry, "description") is { } media ? new FeedText(media.Value, media.Attribute("type")?.Value == "html") : null;
        var contentElement = Child(entry, "content", _ns);
        var contentText = contentElement is null ? null : TextConstruct(contentElement);
        var summary = (summaryText ?? contentText)?.ToPlain();
        var contentBase = contentElement is null ? BaseOf(entry) : BaseOf(contentElement);
        return new FeedEntry(IdOf(entry), string.IsNullOrEmpty(title) ? null : title, AlternateLink(entry))
        {
            Summary = string.IsNullOrEmpty(summary) ? null : summary,
            Content = FeedTextCleaner.Sanitize((contentText ?? summaryText)?.ToHtml(), contentBase),
            Published = DateOf(entry, ("published", _ns), ("issued", _ns), ("created", _ns), ("date", [Dc]), ("pubDate", [""]), ("updated", _ns), ("modified", _ns)),
            Updated = LastDateOf(entry, "updated") ?? LastDateOf(entry, "modified") ?? DateOf(entry, ("date", [Dc])),
            Authors = Children(entry, "author", _ns)
                .Select(a => Child(a, "name", _ns)?.Value ?? a.Value)
                .Concat(Children(entry, "creator", [Dc]).Select(c => c.Value))
                .Select(n => FeedTextCleaner.CollapseWhitespace(n).Trim())
                .Where(n => n.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            Categories = ArticleCategories.Clean(Children(entry, "category", _ns).Select(FeedCategories.OfAtom)
                .Concat(Children(entry, "subject", [Dc]).Select(FeedCategories.OwnText))),
        };
    }

    // Repeated dates: the last one wins, as later values override earlier ones in feed readers.
    private DateTimeOffset? LastDateOf(XElement entry, string name) =>
        Children(entry, name, _ns).Select(e => FeedDateParser.Parse(e.Value)).LastOrDefault(d => d is not null);

    // Atom ids are IRIs; a relative one is resolved against xml:base like any other reference.
    private string? IdOf(XElement entry)
    {
        var idElement = Child(entry, "id", _ns);
        var id = NonEmpty(idElement?.Value.Trim());
        if (id is null || idElement is null || Uri.TryCreate(id, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            return id;
        }

        return id.StartsWith('/') || id.StartsWith('.') ? ResolveLink(idElement, id) ?? id : id;
    }

    private string? AlternateLink(XElement parent)
    {
        XElement? chosen = null;
        foreach (var link in Children(parent, "link", _ns))
        {
            var rel = NonEmpty(link.Attribute("rel")?.Value?.Trim()) ?? "alternate";
            if (rel is "alternate" or "http://www.iana.org/assignments/relation/alternate"
                && (link.Attribute("href") is not null || NonEmpty(link.Value) is not null))
            {
                chosen = link;
                break;
            }
        }

        // A link element without href but with the URL as text is a common mistake.
        return chosen is null ? null : ResolveLink(chosen, chosen.Attribute("href")?.Value ?? chosen.Value);
    }

    /// <summary>Reads an Atom text construct; null for out-of-line content (src=...).</summary>
    private static FeedText? TextConstruct(XElement element)
    {
        if (element.Attribute("src") is not null && !element.Nodes().Any())
        {
            return null;
        }

        var type = (element.Attribute("type")?.Value ?? "text").Trim().ToLowerInvariant();
        var mode = element.Attribute("mode")?.Value?.Trim().ToLowerInvariant();
        if (mode == "base64")
        {
            return DecodeBase64(element.Value, type);
        }

        if (type is "xhtml" or "application/xhtml+xml")
        {
            var div = element.Elements().FirstOrDefault(e => e.Name.LocalName == "div");
            return new FeedText(div is not null && element.Elements().Count() == 1 ? InnerXml(div) : InnerXml(element), true);
        }

        if (type is "html" or "text/html" && element.Elements().Count() == 1 && !element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value))
            && element.Elements().First() is { Name.LocalName: "div" } wrapper && !HasElementChildren(wrapper))
        {
            // Escaped HTML wrapped in an XHTML div: the div's text is the markup.
            return new FeedText(wrapper.Value, true);
        }

        if (mode is null && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal)
            && !type.EndsWith("xml", StringComparison.Ordinal) && !HasElementChildren(element))
        {
            // Atom 1.0: any other media type is Base64-encoded.
            return DecodeBase64(element.Value, "html");
        }

        if (mode == "xml" || (HasElementChildren(element) && type is not ("text" or "text/plain")))
        {
            return new FeedText(InnerXml(element), true);
        }

        var isHtml = type is "html" or "text/html" || mode == "escaped" && type is not ("text" or "text/plain");
        if (type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal))
        {
            isHtml = false;
        }

        return new FeedText(element.Value, isHtml);
    }

    private static FeedText? DecodeBase64(string value, string type)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
            return new FeedText(text, type is "html" or "text/html" or "xhtml" or "application/xhtml+xml");
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
