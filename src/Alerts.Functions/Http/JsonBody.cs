using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>Reads request bodies with a size limit and turns every failure into a problem-details response.</summary>
internal static class JsonBody
{
    /// <summary>Reads at most <paramref name="maxBytes"/>; answers 413 beyond, 415 for non-JSON, 400 for bad JSON.</summary>
    public static async Task<(JsonDocument? Document, IActionResult? Problem)> ReadDocumentAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.Status(413, "Body too large", $"The body may be at most {maxBytes} bytes."));
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Status(415, "Unsupported media type", "Send application/json."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, Problems.Status(413, "Body too large", $"The body may be at most {maxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 }), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Status(400, "Malformed JSON", e.Message));
        }
    }

    /// <summary>Reads one JSON object of type <typeparamref name="T"/>.</summary>
    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var (document, problem) = await ReadDocumentAsync(request, 256 * 1024, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            return Deserialize(document.RootElement, typeInfo, "");
        }
    }

    /// <summary>Deserialises an element, naming the offending path on failure.</summary>
    public static (T? Value, IActionResult? Problem) Deserialize<T>(JsonElement element, JsonTypeInfo<T> typeInfo, string path)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, Problems.Validation(new() { [path] = ["Expected a JSON object."] }));
        }

        try
        {
            return (element.Deserialize(typeInfo), null);
        }
        catch (JsonException e)
        {
            var field = path + (e.Path is { Length: > 1 } p ? p.TrimStart('$') : "");
            return (null, Problems.Validation(new() { [field] = [e.Message] }));
        }
    }
}
