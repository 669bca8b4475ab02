using Alerts.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Timer step: one <see cref="FetchFeedMessage"/> per source that is not backing off and has no fetch pending, so
/// however long a source or the queue is slow, at most one fetch per source waits in the queue.
/// </summary>
public sealed class IngestFeedsHandler(
    ISourceStore sources,
    IMessageQueue<FetchFeedMessage> fetchQueue,
    TimeProvider time,
    ILogger<IngestFeedsHandler> logger)
{
    /// <summary>
    /// A queued fetch that has not run after this long is taken for lost (its message parked, or an instance died
    /// between marking and queuing it), and the source is queued again.
    /// </summary>
    public static readonly TimeSpan PendingFetchTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Enqueues the sources due now; returns how many.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (enqueued, backingOff, pending) = (0, 0, 0);
        await foreach (var source in sources.ListAsync(cancellationToken))
        {
            if (source.Health.NotBefore > now)
            {
                backingOff++;
                continue;
            }

            // Marked first, queued second: a crash in between delays the source by the pending timeout, never doubles it.
            if (source.HasPendingFetch(now - PendingFetchTimeout)
                || await sources.UpdateAsync(source.Id, current => current.HasPendingFetch(now - PendingFetchTimeout) ? null : current with { FetchQueuedAt = now }, cancellationToken) is null)
            {
                pending++;
                continue;
            }

            await fetchQueue.EnqueueAsync(new FetchFeedMessage(source.Id) { QueuedAt = now }, null, cancellationToken);
            enqueued++;
        }

        logger.LogInformation("Enqueued {Enqueued} sources to fetch ({BackingOff} backing off, {Pending} with a fetch still pending)", enqueued, backingOff, pending);
        return enqueued;
    }
}
