using System.Globalization;
using System.Text;
using Alerts.Core.Text;

namespace Alerts.Core.Ingestion;

/// <summary>
/// Derives the dedupe key of an article: from its canonical URL when it has one, else from its guid, else from a
/// hash of its text. Keys are short lower-case hex with a one-letter prefix saying which rule produced them, so
/// they are valid Azure Table keys (no <c>/ \ # ?</c> or control characters) and stable across processes.
/// </summary>
public static class ArticleIdentity
{
    /// <summary>Prefix of keys derived from the canonical URL.</summary>
    public const string UrlPrefix = "u";

    /// <summary>Prefix of keys derived from the guid.</summary>
    public const string GuidPrefix = "g";

    /// <summary>Prefix of keys derived from the text.</summary>
    public const string ContentPrefix = "c";

    // 128 bits of SHA-256: collisions are out of reach at news volumes, keys stay short.
    private const int HexLength = 32;

    /// <summary>
    /// The key of an article. A feed that regenerates its guids but keeps its links keeps its keys, because the
    /// link wins; guids only count when there is no usable link.
    /// </summary>
    /// <param name="link">The article link; used when it is an absolute http(s) URL.</param>
    /// <param name="guid">The feed's id for the item.</param>
    /// <param name="title">Plain-text title.</param>
    /// <param name="summary">Plain-text summary.</param>
    /// <param name="sourceId">Scopes guids to their source: guids like <c>1</c>, <c>2</c> are only unique within one feed.</param>
    /// <exception cref="ArgumentException">There is nothing to identify the article by.</exception>
    public static string KeyFor(string? link, string? guid, string? title, string? summary, string? sourceId = null)
    {
        if (UrlCanonicalizer.TryCanonicalize(link, out var canonical))
        {
            return UrlPrefix + Hash(canonical!.AbsoluteUri);
        }

        if (!string.IsNullOrWhiteSpace(guid))
        {
            // A guid that is itself a URL identifies the article globally, like a link.
            if (UrlCanonicalizer.TryCanonicalize(guid, out var guidUrl))
            {
                return UrlPrefix + Hash(guidUrl!.AbsoluteUri);
            }

            return GuidPrefix + Hash((sourceId ?? string.Empty) + "\n" + guid.Trim());
        }

        var text = NormalizeText(title) + "\n" + NormalizeText(summary);
        if (text.Length == 1)
        {
            throw new ArgumentException("The article has no link, guid, title or summary to identify it by.");
        }

        return ContentPrefix + Hash(text);
    }

    /// <summary>Lower-case, compatibility-normalised text with whitespace collapsed: what a content hash is taken over.</summary>
    public static string NormalizeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        return Whitespace.Collapse(normalized, controlCharactersAreSpace: true);
    }

    private static string Hash(string value) => ShortHash.Of(value, HexLength / 2);
}
