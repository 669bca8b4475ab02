using Alerts.Core.Articles;
using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Queue step: fetches one source, records its new articles and sends each to scoring.
/// Fetch failures are recorded on the source's health (the timer tries again after backoff) rather than
/// thrown, so one broken feed never fills the poison queue; storage failures propagate and the message is retried.
/// </summary>
public sealed class FetchFeedHandler(
    ISourceStore sources,
    IFeedFetcher fetcher,
    IFeedParser parser,
    IArticleStore articles,
    IMessageQueue<ScoreArticleMessage> scoreQueue,
    PipelineObservers observer,
    TimeProvider time,
    ILogger<FetchFeedHandler> logger)
{
    /// <summary>Handles one <see cref="FetchFeedMessage"/>.</summary>
    public async Task HandleAsync(FetchFeedMessage message, CancellationToken cancellationToken)
    {
        var source = await sources.GetAsync(message.SourceId, cancellationToken);
        if (source is null)
        {
            logger.LogWarning("Source {SourceId} no longer exists; nothing to fetch", message.SourceId);
            return;
        }

        var result = await fetcher.FetchAsync(source, cancellationToken);
        switch (result)
        {
            case FeedFetchResult.NotModified:
                await RecordSuccessAsync(source, "304 not modified", cancellationToken);
                observer.FeedFetched(source, "304 not modified", [], 0);
                break;
            case FeedFetchResult.Failed failed:
                await RecordFailureAsync(source, failed.Error, failed.RetryAfter, cancellationToken);
                observer.FeedFetched(source, failed.Error, [], 0);
                break;
            case FeedFetchResult.Fetched fetched:
                await IngestAsync(source, fetched, cancellationToken);
                break;
        }
    }

    private async Task IngestAsync(FeedSource source, FeedFetchResult.Fetched fetched, CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(fetched.Body, new FeedDocumentContext(fetched.FinalUrl, fetched.ContentType));
        if (parsed.Feed is null)
        {
            await RecordFailureAsync(source, $"unreadable feed: {parsed.Error}", null, cancellationToken);
            observer.FeedFetched(source, $"unreadable feed: {parsed.Error}", [], 0);
            return;
        }

        var now = time.GetUtcNow();
        var newArticles = new List<Article>();
        var seenBefore = 0;
        foreach (var entry in parsed.Feed.Entries)
        {
            var article = ToArticle(source, parsed.Feed, entry, now);
            if (article is null)
            {
                continue;
            }

            var admission = await articles.AdmitAsync(article, cancellationToken);
            if (admission == ArticleAdmission.Seen)
            {
                seenBefore++;
                continue;
            }

            await scoreQueue.EnqueueAsync(new ScoreArticleMessage(article.Key), null, cancellationToken);
            await articles.MarkQueuedAsync(article.Key, cancellationToken);
            if (admission == ArticleAdmission.New)
            {
                newArticles.Add(article);
            }
        }

        var outcome = $"{parsed.Feed.Entries.Count} items, {newArticles.Count} new";
        var updated = source with
        {
            Url = fetched.MovedPermanentlyTo ?? source.Url,
            Validators = fetched.Validators,
            Name = source.Name ?? parsed.Feed.Title,
        };
        await RecordSuccessAsync(updated, outcome, cancellationToken);
        logger.LogInformation(
            "Fetched source {SourceId}: {Entries} entries, {New} new, {Seen} seen before",
            source.Id, parsed.Feed.Entries.Count, newArticles.Count, seenBefore);
        observer.FeedFetched(updated, outcome, newArticles, seenBefore);
    }

    private static Article? ToArticle(FeedSource source, ParsedFeed feed, FeedEntry entry, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(entry.Title) && string.IsNullOrWhiteSpace(entry.Link) && string.IsNullOrWhiteSpace(entry.Summary))
        {
            return null;
        }

        var title = string.IsNullOrWhiteSpace(entry.Title) ? "(untitled)" : entry.Title.Trim();
        return new Article(
            ArticleIdentity.KeyFor(entry.Link, entry.Id, title, entry.Summary),
            source.Id,
            title,
            entry.Link,
            entry.Summary,
            entry.Content,
            entry.Published ?? entry.Updated ?? now)
        {
            Guid = entry.Id,
            SourceName = source.Name ?? feed.Title,
            Authors = entry.Authors,
            FirstSeen = now,
        };
    }

    private Task RecordSuccessAsync(FeedSource source, string outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var health = source.Health with
        {
            LastAttempt = now,
            LastSuccess = now,
            LastResult = outcome,
            LastError = null,
            ConsecutiveFailures = 0,
            NotBefore = null,
        };
        return sources.UpsertAsync(source with { Health = health }, cancellationToken);
    }

    private Task RecordFailureAsync(FeedSource source, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failures = source.Health.ConsecutiveFailures + 1;
        var backoff = retryAfter ?? TimeSpan.FromMinutes(Math.Min(Math.Pow(2, failures - 1), 360));
        logger.LogWarning("Source {SourceId} failed ({Failures} in a row): {Error}", source.Id, failures, error);
        var health = source.Health with
        {
            LastAttempt = now,
            LastResult = "failed",
            LastError = error,
            ConsecutiveFailures = failures,
            NotBefore = now + backoff,
        };
        return sources.UpsertAsync(source with { Health = health }, cancellationToken);
    }
}
