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
