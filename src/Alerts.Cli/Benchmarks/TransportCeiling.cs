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

    /// <summary>Rows written before a replay's clock starts, for its reads and upserts.</summary>
    public const int ReplaySeedRows = 256;

    /// <summary>
    /// The transport alone doing one pipeline run's storage operations: for <paramref name="articles"/> articles, each
    /// kind of request counted during the run (<paramref name="perArticle"/>, by <see cref="TransactionCounter"/>'s
    /// names) in the same proportion, interleaved, 16 at a time: queue sends, receives of up to 16 with the deletes,
    /// table inserts into partitions of their own (as the story index's heads are), point reads and upserts of rows
    /// written before the clock starts. Returns the articles' worth per second and the requests the replay made. Table
    /// queries are replayed as point reads, and the tables are new: on a run's grown tables Azurite's queries scan,
    /// so this is the transport's best case for the pipeline's operations.
    /// </summary>
    public static async Task<(double ArticlesPerSecond, long Requests)> ReplayAsync(QueueServiceClient queues, TableServiceClient tables, IReadOnlyDictionary<string, double> perArticle, int articles, string name = "replay")
    {
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        var table = tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        const int Seeded = ReplaySeedRows;
        long deleted = 0;
        await TimeAsync(Seeded, Workers, async i => await table.AddEntityAsync(new TableEntity("seed", Key(i)) { ["Json"] = Body }));

        var kinds = new (string Name, Func<int, Task> Operation)[]
        {
            ("queue POST", async _ => await queue.SendMessageAsync(Body)),
            ("queue GET", async _ =>
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(16)).Value)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    Interlocked.Increment(ref deleted);
                }
            }),
            ("table POST", async i => await table.AddEntityAsync(new TableEntity($"p{i}", "head") { ["Json"] = Body })),
            ("table GET", async i => await table.GetEntityIfExistsAsync<TableEntity>("seed", Key(i % Seeded))),
            ("table PATCH", async i => await table.UpsertEntityAsync(new TableEntity("seed", Key(i % Seeded)) { ["Json"] = Body }, TableUpdateMode.Merge)),
            ("table PUT", async i => await table.UpsertEntityAsync(new TableEntity("seed", Key(i % Seeded)) { ["Json"] = Body }, TableUpdateMode.Replace)),
        };

        // Each kind's operations spread evenly over the run, so sends and receives, inserts and reads alternate as
        // they do in the pipeline. A delete is made by the receive it follows, not on its own.
        var schedule = kinds
            .SelectMany(kind =>
            {
                var count = (int)Math.Round(perArticle.GetValueOrDefault(kind.Name) * articles);
                return Enumerable.Range(0, count).Select(i => (At: (i + 0.5) / count, Run: kind.Operation, Index: i));
            })
            .OrderBy(o => o.At)
            .ToList();
        var elapsed = await TimeAsync(schedule.Count, Workers, i => schedule[i].Run(schedule[i].Index));
        return (articles / elapsed.TotalSeconds, schedule.Count + Interlocked.Read(ref deleted));
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
