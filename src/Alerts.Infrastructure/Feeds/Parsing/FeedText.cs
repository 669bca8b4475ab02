using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Text;
using Ganss.Xss;

namespace Alerts.Infrastructure.Feeds;

/// <summary>A piece of feed text and whether it is markup (HTML) or literal text.</summary>
internal sealed partial record FeedText(string Raw, bool IsHtml)
{
    /// <summary>
    /// The markup with XHTML-style self-closing tags (<c>&lt;iframe/&gt;</c>) expanded: an HTML parser would
    /// otherwise treat everything after them as their content.
    /// </summary>
    private string Markup => Raw.Contains("/>", StringComparison.Ordinal) ? SelfClosingTag().Replace(Raw, "<$1$2></$1>") : Raw;

    /// <summary>Readable plain text: markup removed, entities decoded, whitespace collapsed.</summary>
    public string ToPlain()
    {
        var text = IsHtml ? HtmlText.ToPlainText(Markup) : FeedTextCleaner.CollapseWhitespace(Raw);
        return FeedTextCleaner.RemoveControlCharacters(text);
    }

    /// <summary>HTML for the content field: literal text is encoded, markup is kept for sanitising.</summary>
    public string ToHtml() => IsHtml ? Markup : WebUtility.HtmlEncode(Raw);

    [GeneratedRegex(@"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b)([A-Za-z][\w:\-]*)(\s[^<>]*?)?\s*/>", RegexOptions.CultureInvariant)]
    private static partial Regex SelfClosingTag();
}

/// <summary>Whitespace, control-character and HTML sanitising helpers shared by the format readers.</summary>
internal static class FeedTextCleaner
{
    // Elements whose text is code or data, not prose: removed with everything inside them.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "object", "applet", "embed", "svg", "math", "head", "title", "textarea", "select",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string? Sanitize(string? html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var cleaned = Sanitizer.Sanitize(html, baseUri is { IsAbsoluteUri: true } ? baseUri.AbsoluteUri : string.Empty);
        cleaned = RemoveControlCharacters(cleaned).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string RemoveControlCharacters(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u0008') && !text.AsSpan().ContainsAnyInRange('\u000B', '\u001F'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= ' ' || c is '\n' or '\t' or '\r')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        // Unknown or unsafe wrappers (<blink>, <font>) lose their tag but keep their text;
        // script, style and similar elements are still removed with their content.
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.InnerHtml = string.Empty;
            }
        };
        return sanitizer;
    }
}
