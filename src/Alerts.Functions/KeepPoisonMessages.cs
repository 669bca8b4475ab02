using Alerts.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions;

/// <summary>
/// Every hour: poison messages get an unlimited time-to-live, so nothing parked expires before an operator
/// replays or purges it (the Functions host parks them with the default 7 days, which cannot be configured); and the
/// poison counts are reported as metrics, for the alert rule.
/// </summary>
public sealed class KeepPoisonMessages(PoisonQueues poison, HealthCheck health, ILogger<KeepPoisonMessages> logger)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(KeepPoisonMessages))]
    public async Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var kept = await poison.KeepAsync(cancellationToken);

        // Refreshes the poison gauge the "poison messages" alert rule reads (the poison queues only, not the whole report).
        await health.CountPoisonAsync(cancellationToken);
        if (kept > 0)
        {
            logger.LogWarning("Kept {Count} poison message(s) from expiring; replay or purge them with alerts ops poison", kept);
        }
    }
}
