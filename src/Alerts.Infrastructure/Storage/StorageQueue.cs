using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alerts.Core.Queues;
using Alerts.Core.Serialization;
using Azure.Storage.Queues;

namespace Alerts.Infrastructure.Storage;

/// <summary>An Azure Storage queue carrying one message type as JSON (Base64-encoded by the client).</summary>
internal sealed class StorageQueue<TMessage>(QueueClient queue) : IMessageQueue<TMessage>
{
    private static readonly JsonTypeInfo<TMessage> TypeInfo =
        (JsonTypeInfo<TMessage>)AlertsJsonContext.Default.GetTypeInfo(typeof(TMessage))!;

    public async Task EnqueueAsync(TMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(message, TypeInfo);
        await queue.SendMessageAsync(json, delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
    }
}
