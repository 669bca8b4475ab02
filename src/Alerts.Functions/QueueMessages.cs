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
        T message;
        try
        {
            message = JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new InvalidDataException($"Queue message is JSON null, expected a {Kind<T>()}.");
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') + " " : string.Empty;
            throw new InvalidDataException($"Queue message is not a valid {Kind<T>()}: {field}{Alerts.Core.Serialization.JsonErrors.Describe(e, typeInfo)}", e);
        }

        // Messages are records whose fields are all required; a missing one would fail later, far from its cause.
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get?.Invoke(message!) is null && !IsOptional(property))
            {
                throw new InvalidDataException($"The {Kind<T>()} has no '{property.Name}'.");
            }
        }

        return message;
    }

    // Ops read these in the poison queue: "score article message", not the record's .NET name.
    private static string Kind<T>() =>
        System.Text.RegularExpressions.Regex.Replace(typeof(T).Name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    private static bool IsOptional(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null || property.IsSetNullable;
}
