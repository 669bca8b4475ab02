using Alerts.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Timer step: tables do not grow for ever. Articles and the outlets of each story are kept for
/// <see cref="AlertsOptions.ArticleRetention"/>, delivery records for <see cref="AlertsOptions.DeliveryRetention"/>,
/// and near-duplicate fingerprints for twice the clustering window (a copy older than that could not join its story).
/// </summary>
public sealed class CleanUpHandler(
    IRetentionStore retention,
    IOptions<AlertsOptions> options,
    StoryIndexOptions storyIndex,
    TimeProvider time,
    ILogger<CleanUpHandler> logger)
{
    /// <summary>Removes everything past its window; answers what was removed.</summary>
    public async Task<CleanUpResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var result = new CleanUpResult(
            await retention.RemoveArticlesBeforeAsync(now - settings.ArticleRetention, cancellationToken),
            await retention.RemoveStoryCopiesBeforeAsync(now - settings.ArticleRetention, cancellationToken),
            await retention.RemoveStoryFingerprintsBeforeAsync(now - (2 * storyIndex.Window), cancellationToken),
            // A delivery record is also what stops a story's later copy or update from alerting again: it lives at
            // least as long as the articles.
            await retention.RemoveDeliveriesBeforeAsync(now - Max(settings.DeliveryRetention, settings.ArticleRetention), cancellationToken))
        {
            // A day's count matters only during that day, in any time zone.
            SendCounts = await retention.RemoveSendCountsBeforeAsync(now - SendCountRetention, cancellationToken),
            RecentArticles = await retention.RemoveRecentArticlesBeforeAsync(now - settings.PreviewWindow, cancellationToken),
        };
        logger.LogInformation(
            "Clean-up removed {Articles} article(s), {Copies} story copy record(s), {Fingerprints} fingerprint row(s) and {Deliveries} delivery record(s)",
            result.Articles, result.StoryCopies, result.Fingerprints, result.Deliveries);
        return result;
    }

    /// <summary>How long a subscriber's daily send count is kept.</summary>
    public static readonly TimeSpan SendCountRetention = TimeSpan.FromDays(3);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>Rows removed by one clean-up, per kind.</summary>
public sealed record CleanUpResult(int Articles, int StoryCopies, int Fingerprints, int Deliveries)
{
    /// <summary>Daily send counts removed.</summary>
    public int SendCounts { get; init; }

    /// <summary>The workbench's copies of articles removed.</summary>
    public int RecentArticles { get; init; }
}
