using Alerts.Infrastructure.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Runs one queue-triggered function as the Functions host does: polls with backoff up to
/// <c>maxPollingInterval</c>; fetches up to <c>batchSize</c> messages and fetches more as soon as only
/// <c>newBatchThreshold</c> are still running; keeps each message invisible while its function runs (renewing the
/// lease halfway); deletes on success (a delete that fails because the message is gone or was taken over is only
/// logged: the work was done); makes a failed message visible again after <c>visibilityTimeout</c>; and after
/// <c>maxDequeueCount</c> attempts, or when a message arrives with more attempts than that (earlier ones crashed the
/// process), moves it to <c>&lt;queue&gt;-poison</c>. Messages that are not Base64 go straight to poison, as in Azure.
/// </summary>
public sealed class QueueTriggerListener : BackgroundService
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly FunctionRegistration _function;
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly QueueHostSettings _settings;
    private readonly FunctionInvoker _invoker;
    private readonly FunctionActivity _activity;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _finished = new(0);
    private int _running;

    /// <summary>Creates a listener for <paramref name="function"/> on the resolved queue name.</summary>
    /// <param name="function">The queue-triggered function.</param>
    /// <param name="queueName">The queue name with app settings resolved.</param>
    /// <param name="triggerQueues">A client built with <see cref="UndecodableMessages.MoveToPoisonAsync"/> as its decoding-failure handler.</param>
    /// <param name="settings">host.json queue settings.</param>
    /// <param name="invoker">Calls the function.</param>
    /// <param name="activity">Tracks in-flight work.</param>
    /// <param name="logger">Logger.</param>
    public QueueTriggerListener(
        FunctionRegistration function,
        string queueName,
        QueueServiceClient triggerQueues,
        QueueHostSettings settings,
        FunctionInvoker invoker,
        FunctionActivity activity,
        ILogger<QueueTriggerListener> logger)
    {
        _function = function;
        _settings = settings;
        _invoker = invoker;
        _activity = activity;
        _logger = logger;
        _queue = triggerQueues.GetQueueClient(queueName);
        _poison = triggerQueues.GetQueueClient(queueName + "-poison");
        QueueName = queueName;
    }

    /// <summary>The queue this listener drains.</summary>
    public string QueueName { get; }

    /// <summary>Messages whose function is running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await _poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var delay = MinimumPollingInterval;
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Fetch more only once the batch has drained to the threshold, as the Functions host does.
            while (Running > _settings.NewBatchThreshold && !stoppingToken.IsCancellationRequested)
            {
                await _finished.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            QueueMessage[] messages;
            try
            {
                messages = await _queue.ReceiveMessagesAsync(Math.Clamp(_settings.BatchSize, 1, 32), _settings.MessageLease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Azure.RequestFailedException e)
            {
                _logger.LogWarning(e, "Polling queue {Queue} failed; retrying", QueueName);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinimumPollingInterval;
            inFlight.RemoveAll(task => task.IsCompleted);
            foreach (var message in messages)
            {
                Interlocked.Increment(ref _running);
                inFlight.Add(RunAsync(message, stoppingToken));
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task RunAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(message, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Settling the message failed (storage unreachable): it reappears after its lease and runs again.
            _logger.LogError(e, "Could not settle message {MessageId} on {Queue}; it will be seen again", message.MessageId, QueueName);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _finished.Release();
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        using var _ = _activity.Begin();

        // As the Functions host does: a message seen more often than allowed (its earlier attempts may have crashed the
        // process before any failure was recorded) goes to poison without running again.
        if (message.DequeueCount > _settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, null);
            return;
        }

        await using var lease = new MessageLease(_queue, message, _settings.MessageLease, _logger);
        try
        {
            await _invoker.InvokeAsync(_function, message.Body.ToString(), new Dictionary<string, string?>(), stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            await lease.StopAsync();
            await HandleFailureAsync(lease.Message, e);
            return;
        }

        await lease.StopAsync();
        await DeleteAsync(lease.Message);
    }

    // The work is done: a message already gone, or taken over after a lost lease, is not a failure of the function.
    private async Task DeleteAsync(QueueMessage message)
    {
        try
        {
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning("Message {MessageId} on {Queue} was processed but could not be deleted ({Reason}); it may run again, which the stages allow",
                message.MessageId, QueueName, e.Message);
        }
    }

    private async Task HandleFailureAsync(QueueMessage message, Exception error)
    {
        try
        {
            if (message.DequeueCount >= _settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, error);
                return;
            }

            _logger.LogWarning(error, "Function {Function} failed on message {MessageId} (attempt {Attempt} of {Max}); retrying in {Delay}",
                _function.Name, message.MessageId, message.DequeueCount, _settings.MaxDequeueCount, _settings.VisibilityTimeout);
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
        }
        catch (Azure.RequestFailedException e)
        {
            // The lease was lost (e.g. it expired): the message reappears by itself and counts another attempt.
            _logger.LogWarning(e, "Could not settle message {MessageId} on {Queue}", message.MessageId, QueueName);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, Exception? error)
    {
        try
        {
            // Logged with the id the poison copy gets, the one `alerts ops poison list` and `show` use.
            var parked = (await _poison.SendMessageAsync(message.Body, timeToLive: PoisonQueues.NeverExpires, cancellationToken: CancellationToken.None)).Value;
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            if (error is null)
            {
                _logger.LogError("Message {MessageId} on {Queue} was received {Attempts} times without completing (more than {Max}); moved to {PoisonQueue} as {PoisonMessageId} without running {Function}",
                    message.MessageId, QueueName, message.DequeueCount, _settings.MaxDequeueCount, _poison.Name, parked.MessageId, _function.Name);
            }
            else
            {
                _logger.LogError(error, "Function {Function} failed on message {MessageId} {Attempts} times: {Reason}; moved to {PoisonQueue} as {PoisonMessageId}",
                    _function.Name, message.MessageId, message.DequeueCount, error.Message, _poison.Name, parked.MessageId);
            }
        }
        catch (Azure.RequestFailedException e)
        {
            _logger.LogWarning(e, "Could not move message {MessageId} on {Queue} to poison; it will be seen again", message.MessageId, QueueName);
        }
    }
}

/// <summary>
/// Handles messages the Base64 decoder rejects: like the Functions host, they go straight to the poison queue
/// (their raw text preserved) instead of being retried.
/// </summary>
public static class UndecodableMessages
{
    /// <summary>Decoding-failure handler for <see cref="QueueClientOptions.MessageDecodingFailed"/>.</summary>
    public static async Task MoveToPoisonAsync(QueueMessageDecodingFailedEventArgs args, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(logger);
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(args.Queue.Name + "-poison");
        var parked = (await poison.SendMessageAsync(message.Body, timeToLive: PoisonQueues.NeverExpires, cancellationToken: args.CancellationToken)).Value;
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
        logger.LogError("Message {MessageId} on {Queue} is not Base64, as queue triggers require; moved to {PoisonQueue} as {PoisonMessageId} without running",
            message.MessageId, args.Queue.Name, poison.Name, parked.MessageId);
    }
}
