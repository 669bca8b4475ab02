using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Keeps a received message invisible while its function runs: the visibility is renewed when it is halfway to
/// expiring, as the Functions host does, so a slow function is not run a second time in parallel; a crashed host's
/// message reappears once the last lease runs out.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly TimeSpan _lease;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease, ILogger logger)
    {
        _queue = queue;
        _lease = lease;
        _logger = logger;
        Message = message;
        _renewing = RenewAsync(_stop.Token);
    }

    /// <summary>The message with its latest pop receipt, which a delete or update must use.</summary>
    public QueueMessage Message { get; private set; }

    /// <summary>Stops renewing; the message keeps its current visibility.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _renewing;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 2, stop);
                try
                {
                    var receipt = await _queue.UpdateMessageAsync(Message.MessageId, Message.PopReceipt, visibilityTimeout: _lease, cancellationToken: CancellationToken.None);
                    Message = Message.Update(receipt.Value);
                }
                catch (Azure.RequestFailedException e) when (e.Status is 400 or 404)
                {
                    // Gone or taken over: nothing left to renew.
                    _logger.LogWarning("Lost the lease on message {MessageId} of {Queue} ({Status}: {Code}); it may be run again", Message.MessageId, _queue.Name, e.Status, e.ErrorCode);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Storage unreachable for now: the lease still has half its time; try again at the next halfway mark.
                    _logger.LogWarning(e, "Could not renew the lease on message {MessageId} of {Queue}; trying again", Message.MessageId, _queue.Name);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The function finished.
        }
    }
}
