using System.Globalization;
using Alerts.Core.Articles;

namespace Alerts.Infrastructure.Channels;

/// <summary>How alert fields read in every channel, so an e-mail and a Teams card say the same thing.</summary>
internal static class AlertFormatting
{
    /// <summary>When an article was published, in the reader's time zone: "20 Nov 2026, 09:30 (Europe/Paris)", or "… UTC".</summary>
    public static string Published(DateTimeOffset published, TimeZoneInfo? zone = null)
        => zone is null || zone.Id is "UTC" or "Etc/UTC"
            ? published.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(published, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Source(Article article)
        => string.IsNullOrWhiteSpace(article.SourceName) ? article.SourceId : article.SourceName;

    /// <summary>
    /// Only absolute http(s) links are ever rendered as links: a feed can put <c>javascript:</c> or <c>data:</c>
    /// URLs in an item, and those must not become clickable in an inbox or a Teams channel.
    /// </summary>
    public static Uri? SafeLink(string? link)
        => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>The URI when it is an absolute http(s) URI.</summary>
    public static Uri? SafeLink(Uri? uri)
        => uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    /// <summary>One line of text: header injection and layout breaks from control characters are removed.</summary>
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var chars = text.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
