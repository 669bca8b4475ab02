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
                if (message.Failure is { } failure)
                {
                    Console.WriteLine($"      failed {failure.Count}x, first {failure.First:u}, last {failure.Last:u}: {failure.LastError}");
                }
            }

            return 0;
        }));

        var id = new Argument<string>("id") { Description = "The poison message's id, as `ops poison list` shows it." };
        var show = new Command("show", "Print one poison message in full, its JSON indented.") { queue, id };
        show.SetAction((parseResult, cancellationToken) => WithHostAsync(async services =>
        {
            var messages = await services.GetRequiredService<PoisonQueues>().PeekAsync(parseResult.GetValue(queue)!, cancellationToken);
            var message = messages.FirstOrDefault(m => m.MessageId == parseResult.GetValue(id));
            if (message is null)
            {
                await Console.Error.WriteLineAsync($"No message {parseResult.GetValue(id)} among the first {messages.Count} of {parseResult.GetValue(queue)}-poison.");
                return 1;
            }

            Console.WriteLine($"id        {message.MessageId}");
            Console.WriteLine($"inserted  {message.InsertedOn:u}");
            Console.WriteLine($"dequeued  {message.DequeueCount} time(s)");
            Console.WriteLine($"expires   {(message.NeverExpires ? "never (kept until replayed or deleted)" : $"{message.ExpiresOn:u}")}");
            if (message.Failure is { } failure)
            {
                Console.WriteLine($"failed    {failure.Count} time(s), first {failure.First:u}, last {failure.Last:u}");
                Console.WriteLine($"error     {failure.LastError}");
            }
            Console.WriteLine(Indented(message.Body));
            return 0;
        }));

        var replay = new Command("replay", "Move every message of <queue>-poison back to <queue> to be processed again.") { queue };
        replay.SetAction((parseResult, cancellationToken) => WithHostAsync(async services =>
        {
            var moved = await services.GetRequiredService<PoisonQueues>().ReplayAsync(parseResult.GetValue(queue)!, cancellationToken);
            Console.WriteLine($"Replayed {moved} message(s) onto {parseResult.GetValue(queue)}.");
            return 0;
        }));

        var purge = new Command("purge", "Delete every message of <queue>-poison (when replaying them is not wanted).") { queue };
        purge.SetAction((parseResult, cancellationToken) => WithHostAsync(async services =>
        {
            var deleted = await services.GetRequiredService<PoisonQueues>().PurgeAsync(parseResult.GetValue(queue)!, cancellationToken);
            Console.WriteLine($"Deleted {deleted} message(s) from {parseResult.GetValue(queue)}-poison.");
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
                var status = health.LastAttempt is null
                    ? "never fetched yet"
                    : $"last success {(health.LastSuccess is { } success ? success.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never")}, failures in a row {health.ConsecutiveFailures}, last result: {health.LastResult}";
                Console.WriteLine($"{source.Id,-20} {source.Url}\n    {status}{(health.LastError is null ? "" : $", last error: {health.LastError}")}{(health.NotBefore is null ? "" : $", next try after {health.NotBefore:u}")}");
            }

            return 0;
        }));

        var status = new Command("status", "How the deployment is doing: storage, queue depths, poison, sources, channels (as GET /api/health).");
        status.SetAction((_, cancellationToken) => WithHostAsync(async services =>
        {
            var report = await services.GetRequiredService<HealthCheck>().CheckAsync(cancellationToken);
            Console.WriteLine($"status: {report.Status} (checked {report.CheckedAt:u})");
            Console.WriteLine($"storage: {(report.Storage.Reachable ? "reachable" : "unreachable: " + report.Storage.Error)}");
            foreach (var queue in report.Queues)
            {
                Console.WriteLine($"queue {queue.Name}: {queue.Waiting} waiting, {queue.Poison} in poison");
            }

            Console.WriteLine($"sources: {report.Sources.Total}, failing {report.Sources.Failing}, last successful fetch {(report.LastSuccessfulFetch is { } last ? last.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never")}");
            Console.WriteLine($"unhealthy subscriber channels: {report.UnhealthyChannels}");
            foreach (var problem in report.Problems)
            {
                Console.WriteLine("problem: " + problem);
            }

            return report.Status == "unhealthy" ? 1 : 0;
        }));

        return new Command("ops", "Operate a deployment: status, poison queues, deliveries, source health. Uses the same settings as `alerts host`.")
        {
            status,
            new Command("poison", "Inspect, replay or purge poison queues.") { list, show, replay, purge },
            deliveries,
            sources,
        };
    }

    // JSON bodies are shown indented; anything else (a message that was never JSON) as it is.
    private static string Indented(string body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return System.Text.Json.JsonSerializer.Serialize(document.RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    internal static async Task<int> WithHostAsync(Func<IServiceProvider, Task<int>> action)
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
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            await Console.Error.WriteLineAsync("Nothing is stored in this account yet (no tables or queues): start the app once (`alerts host` or the Functions app) to create them.");
            return 1;
        }
        catch (Azure.RequestFailedException e)
        {
            await Console.Error.WriteLineAsync($"Storage refused the request ({e.Status} {e.ErrorCode}); check AzureWebJobsStorage and your access to the account.");
            return 1;
        }
    }
}
