using Alerts.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Every night at 03:40 UTC: articles, story records and delivery records past their windows are removed.</summary>
public sealed class CleanUpOldData(CleanUpHandler handler)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(CleanUpOldData))]
    public Task Run([TimerTrigger("0 40 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunAsync(cancellationToken);
}
