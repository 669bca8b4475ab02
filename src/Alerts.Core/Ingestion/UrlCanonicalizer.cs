using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Ingestion;

/// <summary>
/// Reduces the many spellings of one article URL to one, so that the same article reached through a tracking link,
/// a different letter case or a trailing slash gets the same key.
/// </summary>
public static partial class UrlCanonicalizer
{
    // Parameters that say how a reader arrived, never which article it is. Deliberately conservative: stripping a
    // parameter that does identify an article would merge two stories (a lost alert), while keeping a tracking
    // parameter only risks a duplicate, which near-duplicate clustering still catches.
    private static readonly FrozenSet<string> TrackingParameters = new[]
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "igsh", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking",
        "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid", "s_cid", "wt.mc_id", "wt_mc_id",
        "_ga", "_gl", "ref", "ref_src", "ref_url", "cmpid", "ncid", "ocid", "smid", "sref", "spm",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "ito", "itm_source", "itm_medium", "itm_campaign", "itm_content", "__twitter_impression",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The canonical form of an absolute http(s) URL: lower-case scheme and host (IDN as punycode, no trailing dot),
    /// no default port, no user info, no fragment (except <c>#!</c> routes), no tracking parameters (<c>utm_*</c>,
    /// <c>fbclid</c>, <c>gclid</c>, <c>mc_cid</c>, <c>ref</c>...), remaining parameters sorted, no trailing slash
    /// except for the root path, and upper-case percent escapes.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is relative or not http(s).</exception>
    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Only absolute http(s) URLs have a canonical form: '{url}'.", nameof(url));
        }

        var builder = new StringBuilder(url.OriginalString.Length);
        builder.Append(url.Scheme.ToLowerInvariant()).Append("://");
        builder.Append(CanonicalHost(url));
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }

        builder.Append(CanonicalPath(url.AbsolutePath));
        var query = CanonicalQuery(url.Query);
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        if (url.Fragment.StartsWith("#!", StringComparison.Ordinal))
        {
            builder.Append(UpperCaseEscapes(url.Fragment));
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    /// <summary>Canonicalizes a URL given as text; false for missing, relative or non-http(s) URLs.</summary>
    public static bool TryCanonicalize(string? url, out Uri? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        try
        {
            canonical = Canonicalize(parsed);
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>True for parameters that only track the reader (<c>utm_*</c> and the known click ids).</summary>
    public static bool IsTrackingParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }

    private static string CanonicalHost(Uri url)
    {
        if (url.HostNameType == UriHostNameType.IPv6)
        {
            return url.Host.ToLowerInvariant();
        }

        var host = url.IdnHost.ToLowerInvariant();
        return host.Length > 1 ? host.TrimEnd('.') : host;
    }

    private static string CanonicalPath(string path)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return UpperCaseEscapes(trimmed.Length == 0 ? "/" : trimmed);
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = new List<(string Name, string Pair)>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = separator < 0 ? pair : pair[..separator];
            var name = Uri.UnescapeDataString(rawName.Replace('+', ' '));
            if (name.Length == 0 || IsTrackingParameter(name))
            {
                continue;
            }

            kept.Add((name, UpperCaseEscapes(pair)));
        }

        // Sorting by name, then by the whole pair, keeps repeated parameters in a stable order too.
        return string.Join('&', kept
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Pair, StringComparer.Ordinal)
            .Select(p => p.Pair));
    }

    private static string UpperCaseEscapes(string text) =>
        text.Contains('%', StringComparison.Ordinal) ? PercentEscape().Replace(text, m => m.Value.ToUpperInvariant()) : text;

    [GeneratedRegex("%[0-9a-fA-F]{2}")]
    private static partial Regex PercentEscape();
}
