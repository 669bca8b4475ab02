using Alerts.Core.Articles;
using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Queue step: fetches one source and takes its entries in (<see cref="FeedEntriesIntake"/>). Fetch failures are
/// recorded on the source's health (the timer tries again after backoff) rather than thrown, so one broken feed never
/// fills the poison queue; storage failures propagate and the message is retried. A fetch message that is stale (the
/// source was fetched since it was queued) or arrives while the source backs off is dropped.
/// </summary>
public sealed class FetchFeedHandler(
    ISourceStore sources,
    IFeedFetcher fetcher,
    IFeedParser parser,
    FeedEntriesIntake entries,
    SourceHealthPolicy healthPolicy,
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
                await RecordAsync(source, result, "304 not modified", null, cancellationToken);
                observer.FeedFetched(source, "304 not modified", [], 0);
                observer.FetchCompleted(source, result, null);
                break;
            case FeedFetchResult.Failed failed:
                logger.LogWarning("Source {SourceId} failed ({Failures} in a row): {Error}", source.Id, source.Health.ConsecutiveFailures + 1, failed.Error);
                await RecordAsync(source, result, null, null, cancellationToken);
                observer.FeedFetched(source, failed.Error, [], 0);
                observer.FetchCompleted(source, result, null);
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
            await sources.UpdateAsync(source.Id, current => current with { Health = healthPolicy.Unusable(current.Health, error, time.GetUtcNow()) }, cancellationToken);
            observer.FeedFetched(source, error, [], 0);
            observer.FetchCompleted(source, fetched, null);
            return;
        }

        var tally = await entries.TakeAsync(source, parsed.Feed, time.GetUtcNow(), cancellationToken);
        var outcome = tally.Describe();
        var updated = await RecordAsync(source, fetched, outcome, current => current.Url != source.Url ? current : current with
        {
            Url = fetched.MovedPermanentlyTo ?? current.Url,
            Validators = fetched.Validators,
            Name = current.Name ?? parsed.Feed.Title,
        }, cancellationToken) ?? source;
        logger.LogInformation(
            "Fetched source {SourceId}: {Entries} entries, {New} new, {SameStory} copies of known stories, {Seen} seen before",
            source.Id, tally.Entries, tally.New.Count, tally[IntakeOutcome.CopyOfKnownStory], tally[IntakeOutcome.SeenBefore]);
        if (fetched.MovedPermanentlyTo is not null)
        {
            // The query may carry a token (private feeds): log where it moved, not the credential.
            logger.LogInformation("Source {SourceId} moved permanently to {Url}", source.Id, fetched.MovedPermanentlyTo.GetLeftPart(UriPartial.Path));
        }
        observer.FeedFetched(updated, outcome, tally.New, tally[IntakeOutcome.SeenBefore]);
        observer.FetchCompleted(updated, fetched, tally);
    }

    // Onto the source as it is now: an operator's edit made during the fetch stays, a deleted source stays deleted, and
    // what the fetch learnt about a URL (validators, a permanent move) is kept only if the source still has that URL.
    private Task<FeedSource?> RecordAsync(
        FeedSource fetchedSource, FeedFetchResult result, string? outcome, Func<FeedSource, FeedSource>? learnt, CancellationToken cancellationToken) =>
        sources.UpdateAsync(
            fetchedSource.Id,
            current => (learnt?.Invoke(current) ?? current) with { Health = healthPolicy.Next(current.Health, result, time.GetUtcNow(), outcome) },
            cancellationToken);
}
