namespace Alerts.Core.Feeds;

/// <summary>A feed document as the parser understood it, format-independent.</summary>
/// <param name="Title">Feed title as plain text.</param>
/// <param name="Link">The site link of the feed.</param>
/// <param name="Entries">Items in document order.</param>
public sealed record ParsedFeed(string? Title, string? Link, IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>Detected format, e.g. <c>rss20</c>, <c>atom10</c>, <c>json11</c>.</summary>
    public string? Format { get; init; }
}

/// <summary>One item of a feed. Title and summary are plain text; content is sanitised HTML.</summary>
/// <param name="Id">guid / atom:id / JSON Feed id.</param>
/// <param name="Title">Plain text, entities decoded.</param>
/// <param name="Link">Absolute URL, resolved against xml:base and the feed URL.</param>
public sealed record FeedEntry(string? Id, string? Title, string? Link)
{
    /// <summary>Plain-text summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Sanitised HTML content.</summary>
    public string? Content { get; init; }

    /// <summary>Publication date; null when the feed gave none or an unreadable one.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Last update date.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Author names.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The categories (sections, tags) the feed gave the entry, as written.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}
