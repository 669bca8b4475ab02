using Alerts.Core.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>Every <c>IngestSchedule</c> (default 5 minutes): one fetch message per source that is due.</summary>
public sealed class IngestFeeds(IngestFeedsHandler handler)
{
    /// <summary>Timer entry point.</summary>
    [Function(nameof(IngestFeeds))]
    public Task Run([TimerTrigger("%IngestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.HandleAsync(cancellationToken);
}
