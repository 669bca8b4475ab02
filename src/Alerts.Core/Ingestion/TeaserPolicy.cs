using Alerts.Core.Feeds;
using Alerts.Core.Text;

namespace Alerts.Core.Ingestion;

/// <summary>Decides when an entry is only a teaser, so that its page is worth fetching.</summary>
public static class TeaserPolicy
{
    /// <summary>Below this many words of body text, an entry counts as a teaser.</summary>
    public const int MinimumArticleWords = 120;

    /// <summary>True when the source asks for full text and the entry carries less than an article's worth of text.</summary>
    public static bool NeedsFullText(FeedSource source, FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entry);
        if (!source.FetchFullText || !UrlCanonicalizer.TryCanonicalize(entry.Link, out _))
        {
            return false;
        }

        var body = entry.Content is { Length: > 0 } html ? HtmlText.ToPlainText(html) : entry.Summary;
        return CountWords(body) < MinimumArticleWords;
    }

    private static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
