using System.Globalization;
using Alerts.Core.Queues;
using Alerts.Core.Text;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Timer step: finds every subscriber with waiting alerts that are due and enqueues one digest for each. Safe to run
/// twice: a second digest finds the alerts taken by the first and sends nothing (digests take alerts atomically).
/// </summary>
public sealed class SendDigestsHandler(IPendingAlertStore pending, IMessageQueue<DigestMessage> queue, TimeProvider time, ILogger<SendDigestsHandler> logger)
{
    /// <summary>Enqueues the due digests; answers how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var alert in pending.ListDueAsync(now, cancellationToken))
        {
            if (alert.DigestId is null)
            {
                due.Add(alert.SubscriberId);
            }
        }

        foreach (var subscriberId in due)
        {
            await queue.EnqueueAsync(new DigestMessage(subscriberId, DigestIdFor(subscriberId, now), now), null, cancellationToken);
        }

        logger.LogInformation("{Digests} digests due", due.Count);
        return due.Count;
    }

    /// <summary>The id of the digest a run at <paramref name="dueBy"/> sends a subscriber.</summary>
    public static string DigestIdFor(string subscriberId, DateTimeOffset dueBy) =>
        "digest-" + ShortHash.Of(string.Create(CultureInfo.InvariantCulture, $"{subscriberId}|{dueBy.UtcTicks}"), 12);
}
