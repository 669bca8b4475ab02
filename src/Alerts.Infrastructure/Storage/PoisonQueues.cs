using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Alerts.Infrastructure.Storage;

/// <summary>A message parked in a poison queue, as ops sees it.</summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, string Body)
{
    /// <summary>When the queue service would drop it (far in the future when it never expires).</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>Whether it stays until an operator replays or purges it.</summary>
    public bool NeverExpires => ExpiresOn is not { } expires || expires.Year >= 9000;

    /// <summary>How it failed before it was parked, when recorded.</summary>
    public MessageFailure? Failure { get; init; }
}

/// <summary>
/// Lets operators inspect poison queues and replay their messages onto the work queue, and keeps parked messages from
/// expiring: a message put on a queue without a time-to-live lives 7 days, and the Functions host moves failed messages
/// to <c>&lt;queue&gt;-poison</c> that way (its time-to-live cannot be configured), so <see cref="KeepAsync"/> gives them
/// an unlimited one.
/// </summary>
public sealed class PoisonQueues(QueueServiceClient queues, StorageNames names, MessageFailures failures)
{
    /// <summary>The time-to-live that never expires (-1 second, Queue service API 2017-07-29 and later).</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    // A message whose expiry lies beyond this never expires in practice (the service reports 9999-12-31).
    private static readonly DateTimeOffset Forever = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Peeks up to 32 messages without removing them.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekAsync(string workQueue, CancellationToken cancellationToken)
    {
        var poison = PoisonClient(workQueue);
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        PeekedMessage[] messages = await poison.PeekMessagesAsync(32, cancellationToken);
        var parked = new List<PoisonMessage>(messages.Length);
        foreach (var message in messages)
        {
            var body = message.Body.ToString();
            parked.Add(new PoisonMessage(message.MessageId, message.InsertedOn, message.DequeueCount, body)
            {
                ExpiresOn = message.ExpiresOn,
                Failure = await failures.GetAsync(workQueue, body, cancellationToken),
            });
        }

        return parked;
    }

    /// <summary>Deletes every message of the poison queue (after the cause was fixed and replaying is not wanted); returns how many.</summary>
    public async Task<int> PurgeAsync(string workQueue, CancellationToken cancellationToken)
    {
        var poison = PoisonClient(workQueue);
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var count = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        await poison.ClearMessagesAsync(cancellationToken);
        return count;
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
                await target.SendMessageAsync(message.Body, timeToLive: NeverExpires, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
    }

    /// <summary>
    /// Gives every poison message that would expire an unlimited time-to-live (a copy is sent, then the original
    /// deleted); returns how many were kept. Messages that never expire are left as they are.
    /// </summary>
    public async Task<int> KeepAsync(CancellationToken cancellationToken)
    {
        var kept = 0;
        foreach (var workQueue in names.WorkQueues)
        {
            var poison = PoisonClient(workQueue);
            if (!await poison.ExistsAsync(cancellationToken))
            {
                continue;
            }

            // Peeking leaves messages visible to ops; receive only when one might expire or more are parked than a peek shows.
            PeekedMessage[] peeked = await poison.PeekMessagesAsync(32, cancellationToken);
            if (peeked.Length < 32 && peeked.All(m => m.ExpiresOn is not { } expires || expires >= Forever))
            {
                continue;
            }

            kept += await KeepQueueAsync(poison, cancellationToken);
        }

        return kept;
    }

    // One pass over the messages parked when it starts (copies it sends are not revisited); messages that already never
    // expire are made visible again at once, so ops never finds the queue empty because of this pass.
    private static async Task<int> KeepQueueAsync(QueueClient poison, CancellationToken cancellationToken)
    {
        var total = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var untouched = new List<QueueMessage>();
        var kept = 0;
        try
        {
            for (var received = 0; received < total;)
            {
                QueueMessage[] batch = await poison.ReceiveMessagesAsync(Math.Min(32, total - received), TimeSpan.FromMinutes(2), cancellationToken);
                if (batch.Length == 0)
                {
                    break;
                }

                received += batch.Length;
                foreach (var message in batch)
                {
                    if (message.ExpiresOn is { } expires && expires < Forever)
                    {
                        // Send first, then delete: a crash in between leaves two copies, never none.
                        await poison.SendMessageAsync(message.Body, timeToLive: NeverExpires, cancellationToken: cancellationToken);
                        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                        kept++;
                    }
                    else
                    {
                        untouched.Add(message);
                    }
                }
            }
        }
        finally
        {
            foreach (var message in untouched)
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
        }

        return kept;
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
