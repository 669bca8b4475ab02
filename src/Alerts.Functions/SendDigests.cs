using Alerts.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Every minute: one digest is enqueued for each subscriber with waiting alerts that are due.</summary>
public sealed class SendDigests(SendDigestsHandler handler)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(SendDigests))]
    public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(cancellationToken);
}
