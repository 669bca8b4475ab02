using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.IntegrationTests.Language;

/// <summary>
/// A local stand-in for Azure AI Language that speaks the documented analyze-text contract for the
/// EntityRecognition task: it checks what the service checks (path, api-version, key, kind, batch
/// size, document length) and answers with the documented shapes. Entities come from a small
/// dictionary the test supplies; faults (429 with Retry-After, 500) can be scripted.
/// </summary>
internal sealed class LanguageContractServer : IAsyncDisposable
{
    public const string Key = "contract-test-key";
    public const int MaxDocuments = 5;
    public const int MaxTextElements = 5120;

    private static readonly string[] ApiVersions = ["2025-11-01", "2024-11-01", "2023-04-01"];
    private static readonly string[] Languages = ["en", "fr", "de", "es", "it", "pt", "nl", "tr", "ar", "zh-hans"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedFault> _faults = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Dictionary<string, KnownEntity> _entities = new(StringComparer.Ordinal);

    private LanguageContractServer(WebApplication app) => _app = app;

    /// <summary>Base address, e.g. http://127.0.0.1:54321.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request that reached the server, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>When set, every request is throttled with this Retry-After header.</summary>
    public ScriptedFault? PersistentFault { get; set; }

    /// <summary>The bearer token accepted in place of the key, when set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Starts on a free loopback port; with a certificate it speaks https only.</summary>
    public static async Task<LanguageContractServer> StartAsync(
        CancellationToken cancellationToken,
        X509Certificate2? certificate = null,
        string? bearerToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LanguageContractServer(app) { BearerToken = bearerToken };
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address);
        return server;
    }

    /// <summary>Teaches the server an entity it will find wherever its text occurs.</summary>
    public void AddEntity(string text, string category, string? subcategory, double confidence) =>
        _entities[text] = new KnownEntity(text, category, subcategory, confidence);

    /// <summary>The next request gets this answer instead of a result.</summary>
    public void EnqueueFault(ScriptedFault fault) => _faults.Enqueue(fault);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new ReceivedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.Query["api-version"].ToString(),
            request.Headers["Ocp-Apim-Subscription-Key"].ToString(),
            request.Headers.Authorization.ToString(),
            request.ContentType,
            body));

        if (request.Method != HttpMethods.Post || request.Path.Value != "/language/:analyze-text")
        {
            await ErrorAsync(context, 404, "404", "Resource not found.", null, null);
            return;
        }

        if (!ApiVersions.Contains(request.Query["api-version"].ToString(), StringComparer.Ordinal))
        {
            await ErrorAsync(context, 404, "404", "The api-version is missing or not supported by this resource.", null, null);
            return;
        }

        var keyAccepted = request.Headers["Ocp-Apim-Subscription-Key"].ToString() == Key;
        var tokenAccepted = BearerToken is not null && request.Headers.Authorization.ToString() == "Bearer " + BearerToken;
        if (!keyAccepted && !tokenAccepted)
        {
            await ErrorAsync(context, 401, "401", "Access denied: the subscription key is missing or invalid, or the endpoint is wrong.", null, null);
            return;
        }

        var fault = PersistentFault ?? (_faults.TryDequeue(out var next) ? next : null);
        if (fault is not null)
        {
            await FaultAsync(context, fault);
            return;
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await ErrorAsync(context, 415, "UnsupportedMediaType", "Content-Type must be application/json.", null, null);
            return;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            await InvalidArgumentAsync(context, "InvalidRequestBodyFormat", "The request body is not valid JSON.");
            return;
        }

        if (root?["kind"]?.GetValue<string>() != "EntityRecognition")
        {
            await InvalidArgumentAsync(context, "InvalidParameterValue", "The task kind is missing or not EntityRecognition.");
            return;
        }

        var indexType = root["parameters"]?["stringIndexType"]?.GetValue<string>() ?? "TextElements_v8";
        if (indexType is not ("TextElements_v8" or "UnicodeCodePoint" or "Utf16CodeUnit"))
        {
            await InvalidArgumentAsync(context, "InvalidParameterValue", "stringIndexType is not supported.");
            return;
        }

        if (root["analysisInput"]?["documents"] is not JsonArray documents || documents.Count == 0)
        {
            await InvalidArgumentAsync(context, "MissingInputDocuments", "analysisInput.documents is missing or empty.");
            return;
        }

        if (documents.Count > MaxDocuments)
        {
            await InvalidArgumentAsync(context, "InvalidDocumentBatch", $"Batch request contains too many documents. Max {MaxDocuments} documents are permitted.");
            return;
        }

        var ids = documents.Select(d => d?["id"]?.GetValue<string>()).ToList();
        if (ids.Any(string.IsNullOrEmpty) || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            await InvalidArgumentAsync(context, "InvalidDocument", "Document ids must be non-empty and unique within a request.");
            return;
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in documents)
        {
            var id = document!["id"]!.GetValue<string>();
            var text = document["text"]?.GetValue<string>() ?? string.Empty;
            var language = document["language"]?.GetValue<string>() ?? "en";
            if (!Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(DocumentError(id, "UnsupportedLanguageCode", $"Invalid language code '{language}'."));
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(DocumentError(id, "InvalidDocument", "Document text is empty."));
            }
            else if (new StringInfo(text).LengthInTextElements > MaxTextElements)
            {
                errors.Add(DocumentError(id, "InvalidDocument", $"A document within the request was too large to be processed. Limit document size to: {MaxTextElements} text elements."));
            }
            else
            {
                results.Add(new JsonObject
                {
                    ["id"] = id,
                    ["entities"] = FindEntities(text, indexType),
                    ["warnings"] = new JsonArray(),
                });
            }
        }

        var answer = new JsonObject
        {
            ["kind"] = "EntityRecognitionResults",
            ["results"] = new JsonObject
            {
                ["documents"] = results,
                ["errors"] = errors,
                ["modelVersion"] = "2025-01-01",
            },
        };
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private JsonArray FindEntities(string text, string indexType)
    {
        var found = new List<(int Start, KnownEntity Entity)>();
        foreach (var entity in _entities.Values)
        {
            for (var at = text.IndexOf(entity.Text, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entity.Text, at + entity.Text.Length, StringComparison.Ordinal))
            {
                found.Add((at, entity));
            }
        }

        var array = new JsonArray();
        foreach (var (start, entity) in found.OrderBy(f => f.Start))
        {
            var item = new JsonObject
            {
                ["text"] = entity.Text,
                ["category"] = entity.Category,
                ["offset"] = Index(text, start, indexType),
                ["length"] = Index(text, start + entity.Text.Length, indexType) - Index(text, start, indexType),
                ["confidenceScore"] = entity.Confidence,
            };
            if (entity.Subcategory is not null)
            {
                item["subcategory"] = entity.Subcategory;
            }

            array.Add(item);
        }

        return array;
    }

    // Converts a UTF-16 index into the unit the request asked for.
    private static int Index(string text, int utf16Index, string indexType) => indexType switch
    {
        "Utf16CodeUnit" => utf16Index,
        "UnicodeCodePoint" => text[..utf16Index].EnumerateRunes().Count(),
        _ => new StringInfo(text[..utf16Index]).LengthInTextElements,
    };

    private static JsonObject DocumentError(string id, string innerCode, string message) => new()
    {
        ["id"] = id,
        ["error"] = new JsonObject
        {
            ["code"] = "InvalidArgument",
            ["message"] = "Invalid document in request.",
            ["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = message },
        },
    };

    private static Task InvalidArgumentAsync(HttpContext context, string innerCode, string message) =>
        ErrorAsync(context, 400, "InvalidArgument", "Invalid document in request.", innerCode, message);

    private static async Task FaultAsync(HttpContext context, ScriptedFault fault)
    {
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        if (fault.RetryAfterMs is not null)
        {
            context.Response.Headers["retry-after-ms"] = fault.RetryAfterMs;
        }

        var message = fault.Status == 429
            ? "Rate limit is exceeded. Try again later."
            : "The service had an internal problem.";
        await ErrorAsync(context, fault.Status, fault.Status == 429 ? "429" : "InternalServerError", message, null, null);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message, string? innerCode, string? innerMessage)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = innerMessage };
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(), context.RequestAborted);
    }

    private sealed record KnownEntity(string Text, string Category, string? Subcategory, double Confidence);
}

/// <summary>An answer the server gives instead of a result.</summary>
internal sealed record ScriptedFault(int Status, string? RetryAfter = null, string? RetryAfterMs = null);

/// <summary>What the server saw of one request.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string ApiVersion,
    string SubscriptionKey,
    string Authorization,
    string? ContentType,
    string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public JsonArray Documents => (JsonArray)Json["analysisInput"]!["documents"]!;
}
