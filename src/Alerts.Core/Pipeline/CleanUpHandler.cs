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
    NearDuplicateOptions nearDuplicates,
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
            await retention.RemoveStoryFingerprintsBeforeAsync(now - (2 * nearDuplicates.Window), cancellationToken),
            await retention.RemoveDeliveriesBeforeAsync(now - settings.DeliveryRetention, cancellationToken));
        logger.LogInformation(
            "Clean-up removed {Articles} article(s), {Copies} story copy record(s), {Fingerprints} fingerprint row(s) and {Deliveries} delivery record(s)",
            result.Articles, result.StoryCopies, result.Fingerprints, result.Deliveries);
        return result;
    }
}

/// <summary>Rows removed by one clean-up, per kind.</summary>
public sealed record CleanUpResult(int Articles, int StoryCopies, int Fingerprints, int Deliveries);
