using Alerts.Core.Articles;

namespace Alerts.Core.Workbench;

/// <summary>
/// The articles of the last weeks, as the workbench reads them: newest first, by day, each a compact copy (its
/// content cut at <see cref="MaxContentChars"/>) so that thousands are read in one pass.
/// </summary>
public interface IRecentArticles
{
    /// <summary>Content kept per article: enough for the scorer's proximity and frequency, bounded in size.</summary>
    const int MaxContentChars = 8_000;

    /// <summary>Keeps an article (a new version replaces the old one).</summary>
    Task AddAsync(Article article, CancellationToken cancellationToken);

    /// <summary>Articles first seen since <paramref name="since"/>, newest day first.</summary>
    IAsyncEnumerable<Article> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
