using System.CommandLine;
using Alerts.Cli.Hosting;
using Alerts.Core.Pipeline;
using Alerts.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts ops</c>: what an operator needs without the portal: poison queues, deliveries, source health.</summary>
public static class OpsCommand
{
    /// <summary>Builds the command tree.</summary>
    public static Command Create()
    {
        var queue = new Option<string>("--queue") { Description = "Work queue: feeds-to-fetch, articles or deliveries (or their configured names).", Required = true };
        var list = new Command("list", "Show the messages parked in <queue>-poison (without removing them).") { queue };
        list.SetAction((parseResult, cancellationToken) => WithHostAsync(async services =>
        {
            var messages = await services.GetRequiredService<PoisonQueues>().PeekAsync(parseResult.GetValue(queue)!, cancellationToken);
            Console.WriteLine($"{messages.Count} message(s) in {parseResult.GetValue(queue)}-poison");
            foreach (var message in messages)
            {
                Console.WriteLine($"  {message.MessageId}  inserted {message.InsertedOn:u}  dequeued {message.DequeueCount}x  {(message.NeverExpires ? "kept until replayed" : $"expires {message.ExpiresOn:u}")}  {message.Body}");
            }

            return 0;
        }));

        var replay = new Command("replay", "Move every message of <queue>-poison back to <queue> to be processed again.") { queue };
        replay.SetAction((parseResult, cancellationToken) => WithHostAsync(async services =>
        {
            var moved = await services.GetRequiredService<PoisonQueues>().ReplayAsync(parseResult.GetValue(queue)!, cancellationToken);
            Console.WriteLine($"Replayed {moved} message(s) onto {parseResult.GetValue(queue)}.");
            return 0;
        }));

        var max = new Option<int>("--max") { Description = "How many, newest first.", DefaultValueFactory = _ => 20 };
        var deliveries = new Command("deliveries", "Show the latest delivery outcomes.") { max };
        deliveries.SetAction((parseResult, cancellationToken) => WithHostAsync(async services =>
        {
            await foreach (var record in services.GetRequiredService<IDeliveryStore>().ListRecentAsync(parseResult.GetValue(max), cancellationToken))
            {
                Console.WriteLine($"{record.RecordedAt:u}  {record.Status,-7} {record.Channel,-7} subscriber={record.SubscriberId} topic={record.TopicId} attempts={record.Attempts}  {record.Detail}");
            }

            return 0;
        }));

        var sources = new Command("sources", "Show every source with its health.");
        sources.SetAction((_, cancellationToken) => WithHostAsync(async services =>
        {
            await foreach (var source in services.GetRequiredService<ISourceStore>().ListAsync(cancellationToken))
            {
                var health = source.Health;
                Console.WriteLine($"{source.Id,-20} {source.Url}\n    last success {health.LastSuccess:u}, failures in a row {health.ConsecutiveFailures}, last result: {health.LastResult}{(health.LastError is null ? "" : $", last error: {health.LastError}")}{(health.NotBefore is null ? "" : $", next try after {health.NotBefore:u}")}");
            }

            return 0;
        }));

        return new Command("ops", "Operate a deployment: poison queues, deliveries, source health. Uses the same settings as `alerts host`.")
        {
            new Command("poison", "Inspect and replay poison queues.") { list, replay },
            deliveries,
            sources,
        };
    }

    private static async Task<int> WithHostAsync(Func<IServiceProvider, Task<int>> action)
    {
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions { RunTimers = false });
        try
        {
            return await action(host.Services);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
