namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>Resolution of feed links against a base, and the schemes a link may use.</summary>
internal static class UrlRules
{
    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "ftp", "ftps", "mailto", "news", "nntp", "gopher", "feed", "tag", "urn", "magnet",
    };

    /// <summary>Resolves <paramref name="href"/> against <paramref name="baseUri"/>; null when the value is not a URI at all.</summary>
    public static Uri? Resolve(Uri? baseUri, string href)
    {
        if (href.Length > 8192)
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && !IsBareWindowsPathOrFile(absolute, href))
        {
            return absolute;
        }

        if (baseUri is { IsAbsoluteUri: true } && Uri.TryCreate(baseUri, href, out var combined))
        {
            return combined;
        }

        return Uri.TryCreate(href, UriKind.Relative, out var relative) ? relative : null;
    }

    /// <summary>
    /// The absolute form of a link as text: an absolute link is kept as written (no case or escaping changes),
    /// a relative one is resolved; unsafe schemes give null; an unresolvable relative link is kept as is.
    /// </summary>
    public static string? ResolveToString(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        var resolved = Resolve(baseUri, trimmed);
        if (resolved is null)
        {
            return trimmed;
        }

        if (!IsSafeScheme(resolved))
        {
            return null;
        }

        if (!resolved.IsAbsoluteUri)
        {
            return resolved.OriginalString;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var asWritten) && !asWritten.IsFile ? trimmed : resolved.AbsoluteUri;
    }

    /// <summary>Relative references and links with an ordinary scheme; javascript:, data: and the like are refused.</summary>
    public static bool IsSafeScheme(Uri uri) => !uri.IsAbsoluteUri || SafeSchemes.Contains(uri.Scheme);

    // On Unix, "/path" parses as an absolute file: URI; feeds mean a path relative to the site.
    private static bool IsBareWindowsPathOrFile(Uri uri, string href) =>
        uri.IsFile && !href.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
