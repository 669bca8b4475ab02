using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Alerts.Functions;

/// <summary>Reads queue message bodies with the app's source-generated JSON contract.</summary>
internal static class QueueMessages
{
    /// <summary>
    /// Deserialises a message, throwing on anything malformed: the host retries it and then moves it to the
    /// poison queue, where ops can read what arrived.
    /// </summary>
    public static T Parse<T>(string body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new InvalidDataException($"Queue message is JSON null, expected a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Queue message is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }
}
