using System.Text.Json;
using Alerts.Core.Articles;
using Alerts.Core.Feeds;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedReader
{
    public static ParsedFeed Read(string text, FeedDocumentContext context, FeedParserOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions
            {
                MaxDepth = options.MaxDepth,
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
        }
        catch (JsonException e)
        {
            throw new FeedFormatException($"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedFormatException("a JSON feed must be an object");
            }

            var version = String(root, "version");
            if (version is null || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                throw new FeedFormatException("the JSON document has no JSON Feed version (https://jsonfeed.org/version/1.1)");
            }

            var baseUri = XmlFeedReader.SafeBase(context.BaseUri);
            var entries = new List<FeedEntry>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray().Take(options.MaxEntries))
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        entries.Add(ReadItem(item, baseUri));
                    }
                }
            }

            var title = String(root, "title") is { } t ? new FeedText(t, false).ToPlain() : null;
            return new ParsedFeed(NullIfEmpty(title), Link(baseUri, String(root, "home_page_url")), entries)
            {
                Format = version.EndsWith("1.1", StringComparison.Ordinal) ? "json11" : "json10",
            };
        }
    }

    private static FeedEntry ReadItem(JsonElement item, Uri? baseUri)
    {
        var html = String(item, "content_html");
        var plain = String(item, "content_text");
        var summary = String(item, "summary") is { } s ? new FeedText(s, false).ToPlain()
            : html is not null ? new FeedText(html, true).ToPlain()
            : plain is not null ? new FeedText(plain, false).ToPlain() : null;
        var link = Link(baseUri, String(item, "url") ?? String(item, "external_url"));
        return new FeedEntry(
            item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? NullIfEmpty(id.ToString().Trim()) : null,
            NullIfEmpty(String(item, "title") is { } t ? new FeedText(t, false).ToPlain() : null),
            link)
        {
            Summary = NullIfEmpty(summary),
            Content = FeedTextCleaner.Sanitize((html is not null ? new FeedText(html, true) : plain is null ? null : new FeedText(plain, false))?.ToHtml(), baseUri),
            Published = FeedDateParser.Parse(String(item, "date_published")),
            Updated = FeedDateParser.Parse(String(item, "date_modified")),
            Authors = Authors(item),
            Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? ArticleCategories.Clean(tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!))
                : [],
        };
    }

    private static List<string> Authors(JsonElement item)
    {
        var names = new List<string>();
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(authors.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? String(a, "name") : null).OfType<string>());
        }

        if (item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name)
        {
            names.Add(name);
        }

        return names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? Link(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var resolved = UrlRules.Resolve(baseUri, href.Trim());
        if (resolved is null)
        {
            return href.Trim();
        }

        return !UrlRules.IsSafeScheme(resolved) ? null : resolved.IsAbsoluteUri ? resolved.AbsoluteUri : resolved.OriginalString;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
