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
/// A new article that is another copy of a story already ingested (another outlet's version of a wire story, a
/// re-published item with an edited headline) joins that story's cluster instead of being scored again, so
/// subscribers get one alert, which lists the other outlets. Teaser-only entries of sources that ask for it get
/// their page's main text before they are stored.
/// </summary>
public sealed class FetchFeedHandler(
    ISourceStore sources,
    IFeedFetcher fetcher,
    IFeedParser parser,
    IArticleStore articles,
    ArticleIntake intake,
    SourceHealthPolicy healthPolicy,
    IFullTextExtractor fullText,
    Microsoft.Extensions.Options.IOptions<AlertsOptions> options,
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

        // After an outage the queue may hold many fetches of one source: the first runs, the others find it fetched
        // since they were queued, or backing off (Retry-After, failures), and are dropped instead of hammering it.
        if (message.QueuedAt is { } queuedAt && source.Health.LastAttempt is { } lastAttempt && lastAttempt >= queuedAt)
        {
            logger.LogInformation("Fetch of source {SourceId} queued at {QueuedAt} is stale: fetched at {LastAttempt}; dropped", source.Id, queuedAt, lastAttempt);
            return;
        }

        if (source.Health.NotBefore is { } notBefore && notBefore > time.GetUtcNow())
        {
            logger.LogInformation("Source {SourceId} is backing off until {NotBefore}; fetch dropped", source.Id, notBefore);
            return;
        }

        var result = await fetcher.FetchAsync(source, cancellationToken);
        switch (result)
        {
            case FeedFetchResult.NotModified:
                await RecordAsync(source, result, "304 not modified", cancellationToken);
                observer.FeedFetched(source, "304 not modified", [], 0);
                break;
            case FeedFetchResult.Failed failed:
                logger.LogWarning("Source {SourceId} failed ({Failures} in a row): {Error}", source.Id, source.Health.ConsecutiveFailures + 1, failed.Error);
                await RecordAsync(source, result, null, cancellationToken);
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
            var error = $"unreadable feed: {parsed.Error}";
            logger.LogWarning("Source {SourceId} failed ({Failures} in a row): {Error}", source.Id, source.Health.ConsecutiveFailures + 1, error);
            var health = healthPolicy.Unusable(source.Health, error, time.GetUtcNow());
            await sources.UpsertAsync(source with { Health = health }, cancellationToken);
            observer.FeedFetched(source, error, [], 0);
            return;
        }

        var now = time.GetUtcNow();
        var newArticles = new List<Article>();
        var seenBefore = 0;
        var sameStory = 0;
        var revised = 0;
        var backlog = 0;
        foreach (var entry in parsed.Feed.Entries)
        {
            var article = ToArticle(source, parsed.Feed, entry, now);
            if (article is null)
            {
                continue;
            }

            // Only pages of articles not stored yet are fetched: a re-fetch of the feed costs no page downloads.
            if (TeaserPolicy.NeedsFullText(source, entry) && await articles.GetAsync(article.Key, cancellationToken) is null)
            {
                article = await WithFullTextAsync(article, cancellationToken);
            }

            switch (await intake.AdmitAsync(article, !IsBacklog(source, entry), cancellationToken))
            {
                case IntakeOutcome.SeenBefore:
                    seenBefore++;
                    break;
                case IntakeOutcome.Backlog:
                    backlog++;
                    break;
                case IntakeOutcome.CopyOfKnownStory:
                    sameStory++;
                    break;
                case IntakeOutcome.Updated:
                    revised++;
                    break;
                case IntakeOutcome.New:
                    newArticles.Add(article);
                    break;
            }
        }

        var outcome = $"{parsed.Feed.Entries.Count} items, {newArticles.Count} new"
            + (sameStory == 0 ? string.Empty : $", {sameStory} copies of known stories")
            + (revised == 0 ? string.Empty : $", {revised} updated")
            + (backlog == 0 ? string.Empty : $", {backlog} older than the source (stored, not alerted)");
        var updated = source with
        {
            Url = fetched.MovedPermanentlyTo ?? source.Url,
            Validators = fetched.Validators,
            Name = source.Name ?? parsed.Feed.Title,
        };
        await RecordAsync(updated, fetched, outcome, cancellationToken);
        logger.LogInformation(
            "Fetched source {SourceId}: {Entries} entries, {New} new, {SameStory} copies of known stories, {Seen} seen before",
            source.Id, parsed.Feed.Entries.Count, newArticles.Count, sameStory, seenBefore);
        if (fetched.MovedPermanentlyTo is not null)
        {
            // The query may carry a token (private feeds): log where it moved, not the credential.
            logger.LogInformation("Source {SourceId} moved permanently to {Url}", source.Id, fetched.MovedPermanentlyTo.GetLeftPart(UriPartial.Path));
        }
        observer.FeedFetched(updated, outcome, newArticles, seenBefore);
    }

    // An item published well before the source was added was already there: stored, not alerted. Undated items
    // cannot be told apart and may alert.
    private bool IsBacklog(FeedSource source, FeedEntry entry) =>
        source.AddedAt is { } added
        && (entry.Published ?? entry.Updated) is { } published
        && published < added - options.Value.NewSourceBacklogGrace;

    private static Article? ToArticle(FeedSource source, ParsedFeed feed, FeedEntry entry, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(entry.Title) && string.IsNullOrWhiteSpace(entry.Link) && string.IsNullOrWhiteSpace(entry.Summary))
        {
            return null;
        }

        var title = string.IsNullOrWhiteSpace(entry.Title) ? "(untitled)" : entry.Title.Trim();
        return new Article(
            ArticleIdentity.KeyFor(entry.Link, entry.Id, title, entry.Summary, source.Id),
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

    private async Task<Article> WithFullTextAsync(Article article, CancellationToken cancellationToken)
    {
        var extracted = await fullText.ExtractAsync(new Uri(article.Link!), cancellationToken);
        if (extracted is null)
        {
            return article; // the teaser is still worth scoring; the extractor logged why
        }

        return article with { Content = extracted.Html ?? System.Net.WebUtility.HtmlEncode(extracted.Text) };
    }

    private Task RecordAsync(FeedSource source, FeedFetchResult result, string? outcome, CancellationToken cancellationToken)
    {
        var health = healthPolicy.Next(source.Health, result, time.GetUtcNow(), outcome);
        return sources.UpsertAsync(source with { Health = health }, cancellationToken);
    }
}
