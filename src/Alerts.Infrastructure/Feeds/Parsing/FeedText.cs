using System.Net;
using System.Text;
using Alerts.Core.Text;
using Ganss.Xss;

namespace Alerts.Infrastructure.Feeds;

/// <summary>A piece of feed text and whether it is markup (HTML) or literal text.</summary>
internal sealed record FeedText(string Raw, bool IsHtml)
{
    /// <summary>Readable plain text: markup removed, entities decoded, whitespace collapsed.</summary>
    public string ToPlain()
    {
        var text = IsHtml ? HtmlText.ToPlainText(Raw) : FeedTextCleaner.CollapseWhitespace(Raw);
        return FeedTextCleaner.RemoveControlCharacters(text);
    }

    /// <summary>HTML for the content field: literal text is encoded, markup is kept for sanitising.</summary>
    public string ToHtml() => IsHtml ? Raw : WebUtility.HtmlEncode(Raw);
}

/// <summary>Whitespace, control-character and HTML sanitising helpers shared by the format readers.</summary>
internal static class FeedTextCleaner
{
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
        return sanitizer;
    }
}
