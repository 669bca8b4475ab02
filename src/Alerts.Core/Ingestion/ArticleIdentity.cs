using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Ingestion;

/// <summary>Derives the dedupe key of an article: canonical URL first, then guid, then a content hash.</summary>
public static class ArticleIdentity
{
    /// <summary>
    /// A key safe for Azure Table row keys (hex). Links win over guids because publishers regenerate guids;
    /// content is the last resort for items with neither.
    /// </summary>
    public static string KeyFor(string? link, string? guid, string? title, string? summary)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return "u" + Hash(uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(guid))
        {
            return "g" + Hash(guid.Trim());
        }

        return "c" + Hash($"{title}\n{summary}");
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
