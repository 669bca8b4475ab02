namespace Alerts.Core.Queues;

/// <summary>Sends messages of one type to its queue.</summary>
/// <typeparam name="TMessage">The message type; each has exactly one queue.</typeparam>
public interface IMessageQueue<in TMessage>
{
    /// <summary>Adds a message, optionally invisible for <paramref name="delay"/>.</summary>
    Task EnqueueAsync(TMessage message, TimeSpan? delay, CancellationToken cancellationToken);
}
