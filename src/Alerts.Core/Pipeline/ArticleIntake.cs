using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>What intake did with one article.</summary>
public enum IntakeOutcome
{
    /// <summary>A new article, sent to scoring.</summary>
    New,

    /// <summary>Stored before but never sent to scoring (an instance died in between): sent now.</summary>
    Resumed,

    /// <summary>
    /// Another outlet's copy of a story already taken in: recorded on the story and scored as part of it, so it alerts
    /// only subscribers the story has not reached (a fuller copy can alert where a teaser could not).
    /// </summary>
    CopyOfKnownStory,

    /// <summary>Already taken in (same key): nothing to do.</summary>
    SeenBefore,

    /// <summary>
    /// Taken in before, now with another headline or summary: stored in place of the old version and scored again as
    /// part of its story, so it alerts only subscribers the story has not reached.
    /// </summary>
    Updated,

    /// <summary>Stored without scoring: part of a newly added source's backlog.</summary>
    Backlog,
}

/// <summary>
/// The one way an article enters Alerts, fed or pushed: admitted once on its key, matched against the stories of the
/// last days (a copy from another outlet joins its story, and alerts are keyed on the story, so nobody hears of it
/// twice), then sent to scoring.
/// </summary>
public sealed class ArticleIntake(
    IArticleStore articles,
    IStoryIndex storyIndex,
    IStoryCopyStore storyCopies,
    IMessageQueue<ScoreArticleMessage> scoreQueue,
    Workbench.IRecentArticles recent,
    ILogger<ArticleIntake> logger,
    Scoring.ITextEmbedder? embedder = null)
{
    /// <summary>Takes one article in.</summary>
    public Task<IntakeOutcome> AdmitAsync(Article article, CancellationToken cancellationToken) => AdmitAsync(article, score: true, cancellationToken);

    /// <summary>
    /// Takes one article in; with <paramref name="score"/> false it is stored and its story recorded (so later copies
    /// find it) but it is not scored: a new source's backlog.
    /// </summary>
    public async Task<IntakeOutcome> AdmitAsync(Article article, bool score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var admission = await articles.AdmitAsync(article, cancellationToken);
        if (admission == ArticleAdmission.Seen)
        {
            return score ? await TakeUpdateAsync(article, cancellationToken) : IntakeOutcome.SeenBefore;
        }

        // Kept for the workbench's previews, backlog included (a new source's older items are what a preview is for).
        await recent.AddAsync(ForPreviews(article), cancellationToken);

        if (admission == ArticleAdmission.SeenNotQueued && await articles.GetAsync(article.Key, cancellationToken) is { StoryKey: { } known } interrupted)
        {
            // A new version whose scoring message was never sent (an instance died in between): send it now.
            return await SendToScoringAsync(interrupted, known, IntakeOutcome.Updated, cancellationToken);
        }

        // Asked again after a crash (SeenNotQueued), the index gives the same answer as the first time.
        var story = await storyIndex.FindOrAddAsync(article.Key, StoryFingerprint.ForArticle(article), cancellationToken);
        if (!score)
        {
            await articles.MarkQueuedAsync(article.Key, story ?? article.Key, cancellationToken);
            return IntakeOutcome.Backlog;
        }

        if (story is not null)
        {
            await storyCopies.AddCopyAsync(story, new StoryCopy(article.Key, article.SourceId, article.SourceName, article.Link), cancellationToken);
            logger.LogInformation("Article {ArticleKey} from {SourceId} is another copy of story {StoryKey}; scored as part of it", article.Key, article.SourceId, story);
            return await SendToScoringAsync(article, story, IntakeOutcome.CopyOfKnownStory, cancellationToken);
        }

        return await SendToScoringAsync(article, article.Key, admission == ArticleAdmission.New ? IntakeOutcome.New : IntakeOutcome.Resumed, cancellationToken);
    }

    // A new version of a stored article is scored under the story its first version was scored under, so alert ids,
    // keyed on the story, stay the same and nobody hears of the story twice. Articles stored before the story was
    // kept on them ask the index with the first version's fingerprint, which answers as it did the first time.
    private async Task<IntakeOutcome> TakeUpdateAsync(Article article, CancellationToken cancellationToken)
    {
        if (await articles.ReplaceChangedAsync(article, cancellationToken) is not { } previous)
        {
            return IntakeOutcome.SeenBefore;
        }

        var story = previous.StoryKey
            ?? await storyIndex.FindOrAddAsync(article.Key, StoryFingerprint.ForArticle(previous), cancellationToken)
            ?? article.Key;
        await recent.AddAsync(ForPreviews(article) with { FirstSeen = previous.FirstSeen }, cancellationToken);
        logger.LogInformation("Article {ArticleKey} from {SourceId} was updated; scored again as part of story {StoryKey}", article.Key, article.SourceId, story);
        return await SendToScoringAsync(article, story, IntakeOutcome.Updated, cancellationToken);
    }

    // With the semantic signal on, the workbench's copy carries the article's embedding, computed once here.
    private Article ForPreviews(Article article) =>
        embedder is null ? article : article with { Embedding = Workbench.Embeddings.Encode(embedder.Embed(Workbench.Embeddings.TextOf(article))) };

    // Queued first, marked second: a crash in between leaves the article "not queued", and the next fetch resumes it.
    private async Task<IntakeOutcome> SendToScoringAsync(Article article, string story, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        await scoreQueue.EnqueueAsync(new ScoreArticleMessage(article.Key) { StoryKey = story == article.Key ? null : story }, null, cancellationToken);
        await articles.MarkQueuedAsync(article.Key, story, cancellationToken);
        return outcome;
    }
}
