using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Cleans what a peer said before it goes into a <c>ChannelResult</c> detail or a log: e-mail addresses and URLs
/// (a webhook URL carries its signature) are replaced, whitespace collapsed and the length bounded.
/// </summary>
internal static partial class Redaction
{
    public const int DefaultMaxLength = 300;

    public static string Clean(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var cleaned = UrlPattern().Replace(text, "<url>");
        cleaned = SignaturePattern().Replace(cleaned, "sig=<redacted>");
        cleaned = EmailPattern().Replace(cleaned, "<address>");
        cleaned = WhitespacePattern().Replace(cleaned, " ").Trim();
        return cleaned.Length <= maxLength ? cleaned : string.Concat(cleaned.AsSpan(0, maxLength - 1), "…");
    }

    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength <= 1)
        {
            return maxLength == 1 ? "…" : string.Empty;
        }

        // Never cut a surrogate pair in half: the result must stay valid UTF-16 for the JSON and MIME encoders.
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return new StringBuilder(cut + 1).Append(text, 0, cut).Append('…').ToString();
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^\s""'<>]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"sig=[^&\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"[^\s<>""'(),;:\[\]]+@[^\s<>""'(),;:\[\]]+\.[A-Za-z0-9\-]+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
