using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Alerts.Infrastructure.Storage;

/// <summary>A message parked in a poison queue, as ops sees it.</summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, string Body);

/// <summary>Lets operators inspect poison queues and replay their messages onto the work queue.</summary>
public sealed class PoisonQueues(QueueServiceClient queues, StorageNames names)
{
    /// <summary>Peeks up to 32 messages without removing them.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekAsync(string workQueue, CancellationToken cancellationToken)
    {
        var poison = PoisonClient(workQueue);
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        PeekedMessage[] messages = await poison.PeekMessagesAsync(32, cancellationToken);
        return messages.Select(m => new PoisonMessage(m.MessageId, m.InsertedOn, m.DequeueCount, m.Body.ToString())).ToList();
    }

    /// <summary>Moves every poison message back to its work queue; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string workQueue, CancellationToken cancellationToken)
    {
        var poison = PoisonClient(workQueue);
        var target = queues.GetQueueClient(workQueue);
        var moved = 0;
        while (true)
        {
            QueueMessage[] batch = await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken);
            if (batch.Length == 0)
            {
                return moved;
            }

            foreach (var message in batch)
            {
                // Send first, then delete: a crash in between replays twice, which the idempotent stages absorb.
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
    }

    private QueueClient PoisonClient(string workQueue)
    {
        if (!names.WorkQueues.Contains(workQueue))
        {
            throw new ArgumentException($"'{workQueue}' is not one of the work queues: {string.Join(", ", names.WorkQueues)}.", nameof(workQueue));
        }

        return queues.GetQueueClient(workQueue + StorageNames.PoisonSuffix);
    }
}
