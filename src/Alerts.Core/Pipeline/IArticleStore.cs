using Alerts.Core.Articles;

namespace Alerts.Core.Pipeline;

/// <summary>Ingested articles, keyed by their dedupe key.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Inserts the article if no article with its key exists (atomic: of concurrent callers exactly one gets
    /// <see cref="ArticleAdmission.New"/>), otherwise tells whether the existing one already reached the scoring queue.
    /// </summary>
    Task<ArticleAdmission> AdmitAsync(Article article, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that the article's scoring message is on the queue (so a re-fetch does not enqueue it again) and the story it
    /// was scored under (<see cref="Article.StoryKey"/>).
    /// </summary>
    Task MarkQueuedAsync(string key, string storyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a stored article whose headline or summary changed (an updated story under the same link) with the
    /// new version, keeping when it was first seen, its story and, when the new version carries no body, the stored
    /// body; the new version counts as not yet queued until <see cref="MarkQueuedAsync"/>. Answers the version it
    /// replaced, or null when nothing changed (or another instance replaced it first).
    /// </summary>
    Task<Article?> ReplaceChangedAsync(Article article, CancellationToken cancellationToken);

    /// <summary>One article, or null.</summary>
    Task<Article?> GetAsync(string key, CancellationToken cancellationToken);
}
