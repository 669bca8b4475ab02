using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Alerts.Cli.Benchmarks;

/// <summary>The raw throughput of the storage the pipeline runs on, measured with the pipeline's own clients.</summary>
internal sealed record TransportCeiling(double Send, double ReceiveDelete, double Insert, double Read)
{
    /// <summary>Concurrent callers in each measurement: host.json's batch size (16), what one queue listener holds at once.</summary>
    public const int Workers = 16;

    private static readonly string Body = new('x', 120);

    /// <summary>Queue send, receive + delete (batches of 16), table insert-if-absent and point read, <paramref name="count"/> of each.</summary>
    public static async Task<TransportCeiling> MeasureAsync(QueueServiceClient queues, TableServiceClient tables, int count)
    {
        var queue = queues.GetQueueClient("ceiling");
        await queue.CreateIfNotExistsAsync();
        var send = await TimeAsync(count, Workers, async _ => await queue.SendMessageAsync(Body));
        var receiveDelete = await DrainAsync([queue], Workers, count);

        var table = tables.GetTableClient("ceiling");
        await table.CreateIfNotExistsAsync();
        var insert = await TimeAsync(count, Workers, async i => await table.AddEntityAsync(new TableEntity("p", Key(i)) { ["Json"] = Body }));
        var read = await TimeAsync(count, Workers, async i => await table.GetEntityIfExistsAsync<TableEntity>("p", Key(i)));
        return new TransportCeiling(count / send.TotalSeconds, receiveDelete, count / insert.TotalSeconds, count / read.TotalSeconds);
    }

    /// <summary>
    /// What more queues and more consumers buy on this machine: receive + delete throughput with 1, 4 and 16 consumers
    /// on one queue, and 16 consumers spread over 4 queues, <paramref name="count"/> messages each time.
    /// </summary>
    public static async Task<IReadOnlyList<(string Shape, double PerSecond)>> ConsumerSweepAsync(QueueServiceClient queues, int count)
    {
        var results = new List<(string, double)>();
        foreach (var (queueCount, consumers) in new[] { (1, 1), (1, 4), (1, 16), (4, 16) })
        {
            var shape = queueCount == 1 ? $"1 queue, {consumers} consumer{(consumers == 1 ? string.Empty : "s")}" : $"{queueCount} queues, {consumers} consumers";
            var clients = new List<QueueClient>();
            for (var q = 0; q < queueCount; q++)
            {
                var client = queues.GetQueueClient($"sweep-{queueCount}-{consumers}-{q}");
                await client.CreateIfNotExistsAsync();
                clients.Add(client);
            }

            await TimeAsync(count, Workers, async i => await clients[i % queueCount].SendMessageAsync(Body));
            results.Add((shape, await DrainAsync(clients, consumers, count)));
        }

        return results;
    }

    // Consumers share the queues round-robin, each receiving batches of 16 and deleting every message, as the host does.
    private static async Task<double> DrainAsync(IReadOnlyList<QueueClient> queues, int consumers, int count)
    {
        var received = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, consumers).Select(async consumer =>
        {
            var queue = queues[consumer % queues.Count];
            while (Volatile.Read(ref received) < count)
            {
                var batch = (await queue.ReceiveMessagesAsync(16)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    Interlocked.Increment(ref received);
                }
            }
        }));
        return received / clock.Elapsed.TotalSeconds;
    }

    private static async Task<TimeSpan> TimeAsync(int count, int workers, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
        return clock.Elapsed;
    }

    private static string Key(int i) => i.ToString("D6", CultureInfo.InvariantCulture);
}
