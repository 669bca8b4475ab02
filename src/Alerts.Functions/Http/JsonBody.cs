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

        // A body must say it is JSON: one without a Content-Type is as likely a form post or a file sent by mistake.
        if (request.ContentType is not { } contentType ? HasBody(request) : !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Status(415, "Unsupported media type", "Send the body as JSON with the header Content-Type: application/json."));
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
            return (null, Problems.Status(400, "Malformed JSON", Alerts.Core.Serialization.JsonErrors.Describe(e)));
        }
    }

    /// <summary>
    /// Reads one JSON object of type <typeparamref name="T"/>. <paramref name="complete"/> sees the value with the JSON
    /// it came from: the source-generated serializer leaves an init property with a default (e.g. a topic's threshold)
    /// at default(T) when the body omits it, so callers restore such defaults there.
    /// </summary>
    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, Func<T, JsonElement, T>? complete = null,
        Func<JsonElement, IEnumerable<(string Path, string Problem)>>? unknown = null)
        where T : class
    {
        var (document, problem) = await ReadDocumentAsync(request, 256 * 1024, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            // A property the app does not know is reported rather than dropped without a word.
            if (unknown?.Invoke(document.RootElement).ToList() is { Count: > 0 } unknownProperties)
            {
                return (null, Problems.Validation(unknownProperties.GroupBy(u => u.Path).ToDictionary(g => g.Key, g => g.Select(u => u.Problem).Distinct().ToArray())));
            }

            var (value, invalid) = Deserialize(document.RootElement, typeInfo, "");
            return value is not null && complete is not null ? (complete(value, document.RootElement), null) : (value, invalid);
        }
    }

    /// <summary>Whether the object has the property, matched case-insensitively as the deserializer does.</summary>
    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object &&
        element.EnumerateObject().Any(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the request carries a body (with a Content-Length or chunked), not only a non-zero Content-Length.</summary>
    public static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? request.ContentLength > 0;

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
            // "$.title" names "title" on its own and "[1].title" inside a batch, like the validation errors do.
            var member = e.Path is { Length: > 1 } p ? p.TrimStart('$') : "";
            var field = path.Length == 0 ? member.TrimStart('.') : path + member;
            return (null, Problems.Validation(new() { [field] = [Alerts.Core.Serialization.JsonErrors.Describe(e, typeInfo)] }));
        }
    }
}
