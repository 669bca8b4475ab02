using System.Text;
using System.Xml;
using System.Xml.Linq;
using Alerts.Core.Feeds;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF from XML text. The XML reader never sees a DTD
/// (<see cref="XmlTextRepairer"/> removed it), resolves nothing external and is bounded in size and depth.
/// </summary>
internal static class XmlFeedReader
{
    public static ParsedFeed Read(string text, FeedDocumentContext context, FeedParserOptions options)
    {
        var repaired = XmlTextRepairer.Repair(text, options.MaxCharacters);
        var document = Load(repaired, options);
        var root = document.Root ?? throw new FeedFormatException("the document has no root element");
        var baseUri = SafeBase(context.BaseUri);
        return root.Name.LocalName.ToLowerInvariant() switch
        {
            "feed" => new AtomReader(baseUri, options).ReadFeed(root),
            "rss" or "rdf" or "channel" => new RssReader(baseUri, options).ReadFeed(root),
            _ => throw new FeedFormatException($"the root element <{root.Name.LocalName}> is not RSS, RDF, Atom or CDF"),
        };
    }

    private static XDocument Load(string text, FeedParserOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // The repairer already bounds the text; this second bound only guards against a defect there.
            MaxCharactersInDocument = options.MaxCharacters * 2,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            CloseInput = true,
        };

        // The tree is built here rather than by XDocument.Load so that depth is checked while reading, and so
        // that a document cut short (a truncated download, a missing end tag) still yields what it holds.
        using var reader = XmlReader.Create(new StringReader(text), settings);
        XElement? root = null;
        var open = new Stack<XElement>();
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (open.Count >= options.MaxDepth)
                        {
                            throw new FeedFormatException($"elements are nested deeper than {options.MaxDepth} levels");
                        }

                        if (reader.AttributeCount > options.MaxAttributesPerElement)
                        {
                            throw new FeedFormatException(
                                $"element <{reader.Name}> has {reader.AttributeCount} attributes, more than the limit of {options.MaxAttributesPerElement}");
                        }

                        var element = ReadElement(reader);
                        if (open.Count == 0)
                        {
                            if (root is not null)
                            {
                                return new XDocument(root); // Content after the root element is ignored.
                            }

                            root = element;
                        }
                        else
                        {
                            open.Peek().Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            open.Push(element);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (open.Count > 0)
                        {
                            open.Peek().Add(new XText(reader.Value));
                        }

                        break;
                    case XmlNodeType.CDATA:
                        if (open.Count > 0)
                        {
                            open.Peek().Add(new XCData(reader.Value));
                        }

                        break;
                }
            }
        }
        catch (XmlException e)
        {
            var reason = $"not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}";
            if (root is null || !root.HasElements)
            {
                throw new FeedFormatException(reason);
            }

            // Keep what was read before the error: every complete element is intact.
        }

        return root is null ? throw new FeedFormatException("the document has no root element") : new XDocument(root);
    }

    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/")
                {
                    continue;
                }

                element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return element;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Line ", StringComparison.Ordinal);
        return end > 0 ? message[..end].TrimEnd('.', ' ') : message;
    }

    internal static Uri? SafeBase(Uri? baseUri) =>
        baseUri is { IsAbsoluteUri: true } && UrlRules.IsSafeScheme(baseUri) ? baseUri : null;
}

/// <summary>Namespaces and xml:base handling shared by the RSS and Atom readers.</summary>
internal abstract class XmlFormatReader(Uri? documentBase, FeedParserOptions options)
{
    protected const string Atom10 = "http://www.w3.org/2005/Atom";
    protected const string Atom03 = "http://purl.org/atom/ns#";
    protected const string Dc = "http://purl.org/dc/elements/1.1/";
    protected const string DcTerms = "http://purl.org/dc/terms/";
    protected const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    protected const string Xhtml = "http://www.w3.org/1999/xhtml";
    protected const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    protected const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    protected const string Media = "http://search.yahoo.com/mrss/";

    protected FeedParserOptions Options { get; } = options;

    /// <summary>The base URI in effect at an element: the document URL refined by every xml:base above it.</summary>
    protected Uri? BaseOf(XElement element)
    {
        var chain = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var declared = e.Attribute(XNamespace.Xml + "base")?.Value ?? CdfBase(e);
            if (declared is not null)
            {
                chain.Add(declared.Trim());
            }
        }

        var current = documentBase;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            current = UrlRules.Resolve(current, chain[i]) is { } resolved && UrlRules.IsSafeScheme(resolved) ? resolved : current;
        }

        return current;
    }

    protected string? ResolveLink(XElement context, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        return UrlRules.ResolveToString(BaseOf(context), href);
    }

    protected static IEnumerable<XElement> Children(XElement parent, string localName, params string[] namespaces) =>
        parent.Elements().Where(e => string.Equals(e.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase)
            && (namespaces.Length == 0 || namespaces.Contains(e.Name.NamespaceName, StringComparer.OrdinalIgnoreCase)));

    protected static XElement? Child(XElement parent, string localName, params string[] namespaces) =>
        Children(parent, localName, namespaces).FirstOrDefault();

    protected static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The markup inside an element, for XHTML content and for RSS fields that carry unescaped tags.</summary>
    protected static string InnerXml(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            builder.Append(node is XText text ? System.Net.WebUtility.HtmlEncode(text.Value) : StripNamespaces(node).ToString(SaveOptions.DisableFormatting));
        }

        return builder.ToString();
    }

    // XHTML content keeps its tags but not its xmlns declarations and prefixes, which mean nothing in HTML.
    private static XNode StripNamespaces(XNode node)
    {
        if (node is not XElement element)
        {
            return node;
        }

        return new XElement(
            element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(StripNamespaces));
    }

    protected static bool HasElementChildren(XElement element) => element.Elements().Any();

    protected DateTimeOffset? DateOf(XElement parent, params (string Name, string[] Namespaces)[] candidates)
    {
        foreach (var (name, namespaces) in candidates)
        {
            foreach (var element in Children(parent, name, namespaces))
            {
                if (FeedDateParser.Parse(element.Value) is { } date)
                {
                    return date;
                }
            }
        }

        return null;
    }

    /// <summary>Media RSS title or description, directly on the item or inside media:group / media:content.</summary>
    protected static XElement? MediaElement(XElement item, string localName) =>
        Child(item, localName, Media)
        ?? Children(item, "group", Media).Concat(Children(item, "content", Media)).Select(g => Child(g, localName, Media)).FirstOrDefault(e => e is not null);

    private static string? CdfBase(XElement e) =>
        e.Name.LocalName == "CHANNEL" ? e.Attribute("BASE")?.Value : null;
}
