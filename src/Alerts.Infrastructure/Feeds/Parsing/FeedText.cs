using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Text;
using Ganss.Xss;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>A piece of feed text and whether it is markup (HTML) or literal text.</summary>
internal sealed partial record FeedText(string Raw, bool IsHtml)
{
    /// <summary>
    /// The markup with XHTML-style self-closing tags (<c>&lt;iframe/&gt;</c>) expanded: an HTML parser would
    /// otherwise treat everything after them as their content.
    /// </summary>
    private string Markup
    {
        get
        {
            var markup = Raw.Contains("/>", StringComparison.Ordinal) ? SelfClosingTag().Replace(Raw, "<$1$2></$1>") : Raw;

            // Embedding elements are dropped as tags only: left open, an HTML parser would swallow the prose after them.
            return EmbeddingTag().Replace(markup, string.Empty);
        }
    }

    /// <summary>Readable plain text: markup removed, entities decoded, whitespace collapsed.</summary>
    public string ToPlain()
    {
        var text = !IsHtml ? FeedTextCleaner.CollapseWhitespace(Raw)
            : MarkupIsPathological(Raw) ? StripTagsLinearly(Raw)
            : HtmlText.ToPlainText(Markup);
        return FeedTextCleaner.RepairDoubleEncoding(FeedTextCleaner.RemoveControlCharacters(text));
    }

    /// <summary>HTML for the content field: literal text is encoded, markup is kept for sanitising.</summary>
    public string ToHtml() =>
        !IsHtml ? WebUtility.HtmlEncode(Raw)
        : MarkupIsPathological(Raw) ? WebUtility.HtmlEncode(StripTagsLinearly(Raw))
        : Markup;

    /// <summary>
    /// HTML tree building costs time proportional to nesting depth for every tag, so thousands of
    /// unclosed tags (a hostile or broken description) would cost minutes. Such markup is not given to
    /// an HTML parser: its tags are stripped by a linear scan and only its text is kept.
    /// </summary>
    internal static bool MarkupIsPathological(string html)
    {
        const int MaxDepth = 128;
        const int MaxTags = 50_000;
        var depth = 0;
        var tags = 0;
        foreach (Match tag in AnyTag().Matches(html))
        {
            if (++tags > MaxTags)
            {
                return true;
            }

            var name = tag.Groups[2].Value;
            if (tag.Groups[1].Length > 0)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (tag.Groups[3].Length == 0 && !VoidElements.Contains(name))
            {
                if (++depth > MaxDepth)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string StripTagsLinearly(string html) =>
        FeedTextCleaner.CollapseWhitespace(WebUtility.HtmlDecode(AnyTag().Replace(html, " ")));

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
    };

    [GeneratedRegex(@"<(/?)([A-Za-z][A-Za-z0-9:\-]*)[^<>]*?(/?)>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b)([A-Za-z][\w:\-]*)(\s[^<>]*)?/>", RegexOptions.CultureInvariant)]
    private static partial Regex SelfClosingTag();

    [GeneratedRegex(@"</?(?:iframe|object|applet|embed|frame|frameset|noframes)\b[^<>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EmbeddingTag();
}

/// <summary>Whitespace, control-character and HTML sanitising helpers shared by the format readers.</summary>
internal static class FeedTextCleaner
{
    // Elements whose text is code or data, not prose: removed with everything inside them.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title", "textarea", "select",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private static readonly Encoding StrictWindows1252 = Encoding.GetEncoding(
        FeedTextDecoderEncodings.Windows1252.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static string? Sanitize(string? html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var cleaned = Sanitizer.Sanitize(html, baseUri is { IsAbsoluteUri: true } ? baseUri.AbsoluteUri : string.Empty);
        cleaned = RepairDoubleEncoding(RemoveControlCharacters(cleaned)).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>
    /// Undoes UTF-8 that was read as windows-1252 and encoded again ("â€¦" for "…"): a run of such characters
    /// is replaced only when its windows-1252 bytes form valid UTF-8, which ordinary text practically never does.
    /// </summary>
    public static string RepairDoubleEncoding(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u00C2', '\u00F4'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] < '\u0080')
            {
                builder.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] >= '\u0080' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var run = text[start..i];
            builder.Append(run.Length >= 2 && TryUtf8FromWindows1252(run, out var repaired) ? repaired : run);
            if (i == start)
            {
                builder.Append(text[i++]);
            }
        }

        return builder.ToString();
    }

    private static bool TryUtf8FromWindows1252(string run, out string repaired)
    {
        repaired = run;
        try
        {
            var bytes = StrictWindows1252.GetBytes(run);
            repaired = StrictUtf8.GetString(bytes);
            return repaired.Length < run.Length;
        }
        catch (ArgumentException)
        {
            return false; // EncoderFallbackException and DecoderFallbackException both derive from it.
        }
    }

    public static string CollapseWhitespace(string text) => Whitespace.Collapse(text);

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
