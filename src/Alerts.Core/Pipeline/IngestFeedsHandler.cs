using Alerts.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>Timer step: one <see cref="FetchFeedMessage"/> per source that is not backing off.</summary>
public sealed class IngestFeedsHandler(
    ISourceStore sources,
    IMessageQueue<FetchFeedMessage> fetchQueue,
    TimeProvider time,
    ILogger<IngestFeedsHandler> logger)
{
    /// <summary>Enqueues the sources due now; returns how many.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var enqueued = 0;
        var backingOff = 0;
        await foreach (var source in sources.ListAsync(cancellationToken))
        {
            if (source.Health.NotBefore > now)
            {
                backingOff++;
                continue;
            }

            await fetchQueue.EnqueueAsync(new FetchFeedMessage(source.Id) { QueuedAt = now }, null, cancellationToken);
            enqueued++;
        }

        logger.LogInformation("Enqueued {Enqueued} sources to fetch ({BackingOff} backing off)", enqueued, backingOff);
        return enqueued;
    }
}
