using Alerts.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions;

/// <summary>
/// Every 6 hours: poison messages get an unlimited time-to-live, so nothing parked expires before an operator
/// replays or purges it (the Functions host parks them with the default 7 days, which cannot be configured).
/// </summary>
public sealed class KeepPoisonMessages(PoisonQueues poison, ILogger<KeepPoisonMessages> logger)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(KeepPoisonMessages))]
    public async Task Run([TimerTrigger("0 17 */6 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var kept = await poison.KeepAsync(cancellationToken);
        if (kept > 0)
        {
            logger.LogWarning("Kept {Count} poison message(s) from expiring; replay or purge them with alerts ops poison", kept);
        }
    }
}
