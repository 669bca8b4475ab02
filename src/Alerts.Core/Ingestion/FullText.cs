using Alerts.Core.Feeds;
using Alerts.Core.Text;

namespace Alerts.Core.Ingestion;

/// <summary>The main text of an article page.</summary>
/// <param name="Text">Plain text of the article body.</param>
/// <param name="Html">The extracted article HTML, sanitised like feed content.</param>
/// <param name="FinalUrl">Where the page was finally served from, after redirects.</param>
public sealed record ExtractedArticle(string Text, string? Html, Uri FinalUrl)
{
    /// <summary>The page's own title, when it had one.</summary>
    public string? Title { get; init; }
}

/// <summary>Fetches an article page and extracts its main text (readability-style), under the outbound HTTP safety rules.</summary>
public interface IFullTextExtractor
{
    /// <summary>The article's main text, or null when the page could not be fetched or had no readable article.</summary>
    Task<ExtractedArticle?> ExtractAsync(Uri pageUrl, CancellationToken cancellationToken);
}

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
