namespace Alerts.Core.Articles;

/// <summary>
/// A news item as Alerts stores it once it has been ingested: plain-text title and summary,
/// sanitised HTML content, and the key that makes it unique across sources.
/// </summary>
/// <param name="Key">Stable dedupe key (derived from canonical URL, then guid, then content hash).</param>
/// <param name="SourceId">The registered source it came from, or <c>push</c> for the HTTP endpoint.</param>
/// <param name="Title">Plain text, entities decoded.</param>
/// <param name="Link">Canonical link to the article, when it has one.</param>
/// <param name="Summary">Plain-text summary or teaser.</param>
/// <param name="Content">Sanitised HTML body, when the feed or a full-text fetch gave one.</param>
/// <param name="Published">Publication time, or the time first seen when the feed gave none.</param>
public sealed record Article(
    string Key,
    string SourceId,
    string Title,
    string? Link,
    string? Summary,
    string? Content,
    DateTimeOffset Published)
{
    /// <summary>The feed's own id for the item (guid / atom:id), kept for diagnostics.</summary>
    public string? Guid { get; init; }

    /// <summary>Display name of the source, shown in alerts.</summary>
    public string? SourceName { get; init; }

    /// <summary>Authors as the feed named them.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>
    /// The sections the source filed it under, as written ("Sports", "Sci/Tech"): a feed's categories, a pushed
    /// article's <c>categories</c>. Queries read them with <c>category:</c>.
    /// </summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>
    /// The article's sentence embedding (base64 of its floats), kept only on the workbench's copy when the semantic
    /// signal is on, so a preview compares stored vectors and never runs the model over stored articles.
    /// </summary>
    public string? Embedding { get; init; }

    /// <summary>When Alerts first saw the article.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>
    /// The story the article was scored under: its own key when it started the story, the first article's key when it
    /// is another outlet's copy; null until intake has sent it to scoring. A later version is scored under the same.
    /// </summary>
    public string? StoryKey { get; init; }

    /// <summary>
    /// Whether <paramref name="other"/> is a new version of this article: its headline or summary says something
    /// else (whitespace aside). The body is not compared: stored bodies may be full text fetched from the page.
    /// </summary>
    public bool IsRevisedBy(Article other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return !SameText(Title, other.Title) || !SameText(Summary, other.Summary);
    }

    /// <summary>This article's place taken by a new version: first seen when this was, keeping this body and categories if it has none.</summary>
    public Article RevisedTo(Article other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other with
        {
            FirstSeen = FirstSeen,
            Content = other.Content ?? Content,
            Categories = other.Categories.Count > 0 ? other.Categories : Categories,
            StoryKey = StoryKey,
        };
    }

    private static bool SameText(string? a, string? b) =>
        string.Join(' ', (a ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            == string.Join(' ', (b ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
