using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Runs one timer-triggered function on its NCRONTAB schedule (6 fields, seconds first) in UTC. As in Azure, a
/// failed run is logged and not retried: the next occurrence is the retry.
/// </summary>
public sealed class TimerTriggerScheduler(
    FunctionRegistration function,
    string schedule,
    bool runOnStartup,
    FunctionInvoker invoker,
    FunctionActivity activity,
    TimeProvider time,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    private readonly CronExpression _expression = Parse(function, schedule);

    /// <summary>The function name.</summary>
    public string FunctionName => function.Name;

    /// <summary>Runs the function once now, as <c>POST /admin/functions/{name}</c> does on the Functions host.</summary>
    public async Task RunNowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await InvokeAsync(now, _expression.GetNextOccurrence(now, TimeZoneInfo.Utc) ?? now, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = time.GetUtcNow();
        if (runOnStartup)
        {
            await InvokeAsync(last, last, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = _expression.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            try
            {
                await Task.Delay(next.Value - time.GetUtcNow(), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await InvokeAsync(last, _expression.GetNextOccurrence(next.Value, TimeZoneInfo.Utc) ?? next.Value, stoppingToken);
            last = next.Value;
        }
    }

    private async Task InvokeAsync(DateTimeOffset last, DateTimeOffset next, CancellationToken cancellationToken)
    {
        using var _ = activity.Begin();
        try
        {
            await invoker.InvokeAsync(function, FunctionInvoker.TimerInfoFor(last, next, isPastDue: false), new Dictionary<string, string?>(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer function {Function} failed; it runs again at the next occurrence", function.Name);
        }
    }

    private static CronExpression Parse(FunctionRegistration function, string schedule)
    {
        try
        {
            return CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException($"Function {function.Name}: schedule '{schedule}' is not a 6-field NCRONTAB expression: {e.Message}", e);
        }
    }
}
