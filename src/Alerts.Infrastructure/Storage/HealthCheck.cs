using System.Text.Json.Serialization;
using Alerts.Core.Pipeline;
using Azure.Storage.Queues;

namespace Alerts.Infrastructure.Storage;

/// <summary>How Alerts is doing, for <c>GET /api/health</c> and <c>alerts ops status</c>: no secrets, no addresses.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> (it runs, but something needs a look) or <c>unhealthy</c> (storage unreachable).</param>
/// <param name="CheckedAt">When the report was made.</param>
/// <param name="Storage">Whether queues and tables answered, and the error when not.</param>
/// <param name="Queues">Each work queue's depth and its poison queue's.</param>
/// <param name="Sources">How many sources there are and how many are failing.</param>
/// <param name="LastSuccessfulFetch">The latest successful fetch of any source.</param>
/// <param name="UnhealthyChannels">Subscribers whose channel is marked unhealthy (deliveries skipped).</param>
/// <param name="Problems">What made the status less than healthy, in words.</param>
public sealed record HealthReport(
    string Status,
    DateTimeOffset CheckedAt,
    StorageHealth Storage,
    IReadOnlyList<QueueHealth> Queues,
    SourcesHealth Sources,
    DateTimeOffset? LastSuccessfulFetch,
    int UnhealthyChannels,
    IReadOnlyList<string> Problems);

/// <summary>Whether storage answered.</summary>
public sealed record StorageHealth(bool Reachable, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>One work queue: messages waiting, and messages parked in its poison queue.</summary>
public sealed record QueueHealth(string Name, int Waiting, int Poison);

/// <summary>Sources in all, and those whose last fetches failed.</summary>
public sealed record SourcesHealth(int Total, int Failing);

/// <summary>Builds the <see cref="HealthReport"/> from storage, the sources and the subscribers.</summary>
public sealed class HealthCheck(QueueServiceClient queues, StorageNames names, ISourceStore sources, ISubscriberStore subscribers, TimeProvider time, AlertsMetrics? metrics = null)
{
    /// <summary>A source with no success for this long, while it has been tried, counts as failing.</summary>
    public static readonly TimeSpan StaleIngest = TimeSpan.FromHours(1);

    /// <summary>How long the anonymous endpoint's report is reused: a probe every few seconds costs one check.</summary>
    public static readonly TimeSpan ReportReuse = TimeSpan.FromSeconds(30);

    private HealthReport? _recent;

    /// <summary>
    /// The report of the last <see cref="ReportReuse"/>, or a new one: for the anonymous endpoint, so that frequent
    /// probes do not read the sources and subscribers tables each time.
    /// </summary>
    public async Task<HealthReport> RecentAsync(CancellationToken cancellationToken)
    {
        if (_recent is { } recent && time.GetUtcNow() - recent.CheckedAt < ReportReuse)
        {
            return recent;
        }

        var report = await CheckAsync(cancellationToken);
        _recent = report;
        return report;
    }

    /// <summary>
    /// Counts the poison queues only (two storage requests per work queue) and refreshes the poison gauge the
    /// "poison messages" alert rule reads; for the hourly timer, which needs no more than that.
    /// </summary>
    public async Task<int> CountPoisonAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var queue in names.WorkQueues)
        {
            total += await PoisonDepthAsync(queue, cancellationToken);
        }

        return total;
    }

    /// <summary>Checks everything once.</summary>
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var problems = new List<string>();
        try
        {
            var queueHealth = new List<QueueHealth>();
            foreach (var queue in names.WorkQueues)
            {
                var waiting = await DepthAsync(queue, cancellationToken);
                var poison = await PoisonDepthAsync(queue, cancellationToken);
                queueHealth.Add(new QueueHealth(queue, waiting, poison));
                if (poison > 0)
                {
                    problems.Add($"{poison} message(s) parked in {queue}{StorageNames.PoisonSuffix}: see `alerts ops poison list --queue {queue}`");
                }
            }

            var (total, failing, lastSuccess) = (0, 0, (DateTimeOffset?)null);
            try
            {
                await foreach (var source in sources.ListAsync(cancellationToken))
                {
                    total++;
                    failing += source.Health.ConsecutiveFailures > 0 ? 1 : 0;
                    lastSuccess = source.Health.LastSuccess > lastSuccess || lastSuccess is null ? source.Health.LastSuccess : lastSuccess;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                problems.Add("the tables are not created yet: start the app once (`alerts host` or the Functions app)");
                return Report(now, queueHealth, new SourcesHealth(0, 0), null, 0, problems);
            }

            if (failing > 0)
            {
                problems.Add($"{failing} of {total} source(s) failing: see `alerts ops sources`");
            }

            if (total > 0 && (lastSuccess is null || now - lastSuccess > StaleIngest))
            {
                problems.Add(lastSuccess is null ? "no source has been fetched successfully yet" : $"no successful fetch since {lastSuccess:u}");
            }

            var unhealthy = 0;
            await foreach (var subscriber in subscribers.ListAsync(cancellationToken))
            {
                unhealthy += subscriber.Health.IsUnhealthy ? 1 : 0;
            }

            if (unhealthy > 0)
            {
                problems.Add($"{unhealthy} subscriber channel(s) unhealthy, their deliveries skipped: see GET /api/subscribers");
            }

            return Report(now, queueHealth, new SourcesHealth(total, failing), lastSuccess, unhealthy, problems);
        }
        catch (Azure.RequestFailedException e) when (e.Status != 0)
        {
            return Unreachable(now, $"storage answered {e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // The client's retries gave up: nothing answered at the address configured.
            return Unreachable(now, "storage could not be reached; check AzureWebJobsStorage");
        }
    }

    private static HealthReport Report(DateTimeOffset now, IReadOnlyList<QueueHealth> queues, SourcesHealth sources, DateTimeOffset? lastSuccess, int unhealthy, List<string> problems) =>
        new(problems.Count == 0 ? "healthy" : "degraded", now, new StorageHealth(true, null), queues, sources, lastSuccess, unhealthy, problems);

    private static HealthReport Unreachable(DateTimeOffset now, string error) =>
        new("unhealthy", now, new StorageHealth(false, error), [], new SourcesHealth(0, 0), null, 0, [error]);

    private async Task<int> PoisonDepthAsync(string queue, CancellationToken cancellationToken)
    {
        var poison = await DepthAsync(queue + StorageNames.PoisonSuffix, cancellationToken);
        metrics?.PoisonCounted(queue, poison);
        return poison;
    }

    private async Task<int> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        var client = queues.GetQueueClient(queue);
        return await client.ExistsAsync(cancellationToken) ? (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount : 0;
    }
}
