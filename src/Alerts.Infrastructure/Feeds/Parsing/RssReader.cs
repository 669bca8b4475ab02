using System.Xml.Linq;
using Alerts.Core.Articles;
using Alerts.Core.Feeds;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>RSS 0.9x, 1.0 (RDF), 2.0 and Microsoft CDF: channel/item with HTML descriptions.</summary>
internal sealed class RssReader(Uri? documentBase, FeedParserOptions options) : XmlFormatReader(documentBase, options)
{
    private static readonly string[] Core =
    [
        "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss", "http://backend.userland.com/rss", "http://channel.netscape.com/rdf/simple/0.9/",
        "http://purl.org/net/rss1.1#",
    ];

    private static readonly string[] AtomNamespaces = [Atom10, Atom03];

    public ParsedFeed ReadFeed(XElement root)
    {
        var isRdf = root.Name.LocalName.Equals("rdf", StringComparison.OrdinalIgnoreCase);
        var channel = root.Name.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase)
            ? root
            : Child(root, "channel", Core) ?? root;
        var items = Children(channel, "item", Core).Concat(channel == root ? [] : Children(root, "item", Core))
            .Take(Options.MaxEntries)
            .Select(ReadItem)
            .ToList();

        var format = isRdf
            ? root.Elements().Any(e => e.Name.NamespaceName == "http://my.netscape.com/rdf/simple/0.9/") ? "rss090" : "rss10"
            : channel == root ? "cdf" : VersionOf(root);
        return new ParsedFeed(TitleOf(channel)?.ToPlain() is { Length: > 0 } t ? t : null, LinkOf(channel), items) { Format = format };
    }

    private static string VersionOf(XElement root) =>
        root.Attribute("version")?.Value.Trim() switch
        {
            "2.0" => "rss20",
            "0.91" => "rss091",
            "0.92" => "rss092",
            "0.93" => "rss093",
            "0.94" => "rss094",
            _ => "rss",
        };

    private FeedEntry ReadItem(XElement item)
    {
        var title = TitleOf(item)?.ToPlain();
        var guidElement = Child(item, "guid", Core);
        var guid = NonEmpty(guidElement?.Value.Trim());
        var link = LinkOf(item);
        if (link is null && guid is not null && guidElement!.Attribute("isPermaLink")?.Value.Trim().ToLowerInvariant() != "false"
            && Uri.TryCreate(guid, UriKind.Absolute, out var guidUri) && guidUri.Scheme is "http" or "https")
        {
            link = guid;
        }

        var id = guid ?? NonEmpty(item.Attribute(XName.Get("about", Rdf))?.Value.Trim());
        // RSS has two names for the teaser; the first one present is the summary, a second one counts as content.
        var teasers = item.Elements().Where(e => e.Name.LocalName is "description" or "summary" && Core.Contains(e.Name.NamespaceName)).ToList();
        var description = teasers.Count > 0 ? HtmlOf(teasers[0]) : DescriptionOf(item);
        var content = ContentOf(item) ?? (teasers.Count > 1 ? HtmlOf(teasers[1]) : null);
        var summary = (description ?? content)?.ToPlain();
        var itemBase = BaseOf(item);
        return new FeedEntry(id, string.IsNullOrEmpty(title) ? null : title, link)
        {
            Summary = string.IsNullOrEmpty(summary) ? null : summary,
            Content = FeedTextCleaner.Sanitize((content ?? description)?.ToHtml(), itemBase),
            Published = DateOf(item, ("pubDate", Core), ("date", [Dc]), ("issued", [DcTerms]), ("created", [DcTerms]),
                ("published", AtomNamespaces), ("issued", AtomNamespaces), ("updated", AtomNamespaces), ("modified", [DcTerms])),
            Updated = FeedDateParser.Parse(item.Attribute("LASTMOD")?.Value) ?? DateOf(item, ("updated", AtomNamespaces), ("modified", [DcTerms]), ("modified", AtomNamespaces), ("date", [Dc]), ("lastBuildDate", Core)),
            Authors = AuthorsOf(item),
            Categories = CategoriesOf(item),
        };
    }

    private FeedText? TitleOf(XElement parent)
    {
        var title = Child(parent, "title", Core) ?? Child(parent, "title", [Dc]) ?? Child(parent, "title", AtomNamespaces)
            ?? MediaElement(parent, "title");
        return title is null ? null : TextOf(title);
    }

    // RSS leaves the markup status of titles open; feeds escape HTML in them, so markup-looking text is read as HTML.
    private static FeedText TextOf(XElement element)
    {
        if (HasElementChildren(element))
        {
            return new FeedText(InnerXml(element), true);
        }

        var value = element.Value;
        return new FeedText(value, LooksLikeHtml(value));
    }

    private static bool LooksLikeHtml(string value)
    {
        var lt = value.IndexOf('<', StringComparison.Ordinal);
        if (lt >= 0 && lt + 1 < value.Length && (char.IsAsciiLetter(value[lt + 1]) || value[lt + 1] is '/' or '!'))
        {
            return true;
        }

        var amp = value.IndexOf('&', StringComparison.Ordinal);
        return amp >= 0 && value.IndexOf(';', amp) > amp;
    }

    private string? LinkOf(XElement parent)
    {
        foreach (var link in Children(parent, "link", Core))
        {
            if (NonEmpty(link.Value.Trim()) is { } text)
            {
                return ResolveLink(link, text);
            }

            if (link.Attribute("href")?.Value is { } href)
            {
                return ResolveLink(link, href);
            }
        }

        foreach (var link in Children(parent, "link", AtomNamespaces))
        {
            var rel = link.Attribute("rel")?.Value ?? "alternate";
            if (rel == "alternate" && link.Attribute("href")?.Value is { } href)
            {
                return ResolveLink(link, href);
            }
        }

        // CDF puts the link in an HREF attribute.
        return parent.Attribute("HREF")?.Value is { } cdfHref ? ResolveLink(parent, cdfHref) : null;
    }

    private static FeedText? DescriptionOf(XElement item)
    {
        var element = Child(item, "ABSTRACT", []) ?? Child(item, "description", [Dc])
            ?? Child(item, "summary", [Itunes]) ?? Child(item, "summary", AtomNamespaces) ?? MediaElement(item, "description");
        return element is null ? null : HtmlOf(element);
    }

    private static FeedText HtmlOf(XElement element) =>
        new(HasElementChildren(element) ? InnerXml(element) : element.Value, true);

    private static FeedText? ContentOf(XElement item)
    {
        if (Child(item, "encoded", [ContentNs]) is { } encoded)
        {
            return new FeedText(encoded.Value, true);
        }

        if (Child(item, "body", [Xhtml]) is { } body)
        {
            return new FeedText(InnerXml(body), true);
        }

        // Older feeds carry the full item in <body> or <fullitem>, escaped or as markup.
        if ((Child(item, "body", Core) ?? Child(item, "fullitem", Core)) is { } fullItem)
        {
            return HtmlOf(fullItem);
        }

        return Child(item, "content", AtomNamespaces) is { } atomContent
            ? new FeedText(HasElementChildren(atomContent) ? InnerXml(atomContent) : atomContent.Value, true)
            : null;
    }

    // RSS 2.0's <category> (its domain attribute names a taxonomy, not the section), RSS 1.0's dc:subject, and
    // Atom's category where a feed mixes the two.
    private static List<string> CategoriesOf(XElement item) =>
        ArticleCategories.Clean(Children(item, "category", Core).Select(FeedCategories.OwnText)
            .Concat(Children(item, "subject", [Dc]).Select(FeedCategories.OwnText))
            .Concat(Children(item, "category", [Atom10, Atom03]).Select(FeedCategories.OfAtom)));

    private static List<string> AuthorsOf(XElement item)
    {
        var names = Children(item, "author", Core).Select(a => a.Value)
            .Concat(Children(item, "creator", [Dc]).Select(a => a.Value))
            .Concat(Children(item, "author", [Itunes]).Select(a => a.Value))
            .Concat(Children(item, "author", [Atom10, Atom03]).Select(a => Child(a, "name", [Atom10, Atom03])?.Value ?? string.Empty))
            .Select(n => FeedTextCleaner.CollapseWhitespace(n).Trim())
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names;
    }
}
