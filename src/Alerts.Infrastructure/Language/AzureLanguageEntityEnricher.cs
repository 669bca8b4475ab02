using System.Text.Json;
using Alerts.Core.Entities;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Language;

/// <summary>
/// Entity recognition by Azure AI Language (<c>POST {endpoint}/language/:analyze-text</c>, task
/// <c>EntityRecognition</c>) over Azure.Core's <see cref="HttpPipeline"/>: retries with exponential
/// back-off that waits at least the service's <c>Retry-After</c>, key or Entra ID authentication.
/// </summary>
/// <remarks>
/// Documents are sent in batches within the service limits and cut to the allowed number of text
/// elements. A document the service rejects maps to an empty list (and a warning). A whole request
/// that still fails after the retries throws <see cref="LanguageServiceException"/>: the caller is
/// expected to catch it and score with the offline recogniser alone, so an outage of the optional
/// service never loses an article.
/// </remarks>
public sealed class AzureLanguageEntityEnricher : IEntityEnricher
{
    /// <summary>The <see cref="RecognizedEntity.Source"/> of entities found by this client.</summary>
    public const string SourceName = "azure-language";

    /// <summary>The Entra ID scope of Azure AI services.</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>The header that carries a resource key.</summary>
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    private const string EntityRecognitionKind = "EntityRecognition";

    // Offsets in UTF-16 code units match .NET string indexes; the service's default counts graphemes.
    private const string StringIndexType = "Utf16CodeUnit";

    private static readonly IReadOnlyList<RecognizedEntity> NoEntities = [];

    private readonly HttpPipeline _pipeline;
    private readonly AzureLanguageOptions _options;
    private readonly Uri _endpoint;
    private readonly ILogger<AzureLanguageEntityEnricher> _logger;

    /// <summary>Creates the client; without an API key it authenticates with <paramref name="credential"/> or <see cref="DefaultAzureCredential"/>.</summary>
    public AzureLanguageEntityEnricher(
        IOptions<AzureLanguageOptions> options,
        ILogger<AzureLanguageEntityEnricher> logger,
        TokenCredential? credential = null,
        TimeProvider? timeProvider = null)
        : this(options, logger, credential, timeProvider, transport: null)
    {
    }

    // The transport is replaceable so that tests can trust a local TLS certificate.
    internal AzureLanguageEntityEnricher(
        IOptions<AzureLanguageOptions> options,
        ILogger<AzureLanguageEntityEnricher> logger,
        TokenCredential? credential,
        TimeProvider? timeProvider,
        HttpPipelineTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;

        var failure = AzureLanguageOptionsValidator.ConnectionFailure(_options);
        if (failure is not null)
        {
            throw new OptionsValidationException(AzureLanguageOptions.SectionName, typeof(AzureLanguageOptions), [failure]);
        }

        _endpoint = new Uri(_options.Endpoint!.TrimEnd('/'), UriKind.Absolute);
        var clientOptions = LanguageClientOptions.From(_options, timeProvider ?? TimeProvider.System);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        _pipeline = BuildPipeline(_options, clientOptions, credential);
    }

    /// <inheritdoc />
    public bool IsEnabled => true;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Two documents share an id, or an id is empty.</exception>
    /// <exception cref="LanguageServiceException">A request failed as a whole after the retries.</exception>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>>> RecognizeAsync(
        IReadOnlyList<EntityRequestDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var results = new Dictionary<string, IReadOnlyList<RecognizedEntity>>(StringComparer.Ordinal);
        var toSend = new List<InputDocument>(documents.Count);
        foreach (var document in documents)
        {
            if (string.IsNullOrEmpty(document.Id))
            {
                throw new ArgumentException("Every document needs a non-empty id.", nameof(documents));
            }

            if (!results.TryAdd(document.Id, NoEntities))
            {
                throw new ArgumentException($"Document id '{document.Id}' appears more than once.", nameof(documents));
            }

            // The service rejects empty documents and bills every record: skip them here.
            if (!string.IsNullOrWhiteSpace(document.Text))
            {
                var language = string.IsNullOrWhiteSpace(document.Language) ? "en" : document.Language;
                toSend.Add(new InputDocument(document.Id, language, TextElements.Truncate(document.Text, _options.MaxTextElements)));
            }
        }

        foreach (var batch in toSend.Chunk(_options.MaxDocumentsPerRequest))
        {
            var answer = await SendAsync(batch, cancellationToken);
            MapResults(batch, answer, results);
        }

        return results;
    }

    private static HttpPipeline BuildPipeline(AzureLanguageOptions options, LanguageClientOptions clientOptions, TokenCredential? credential)
    {
        HttpPipelinePolicy authentication = string.IsNullOrEmpty(options.ApiKey)
            ? new BearerTokenAuthenticationPolicy(credential ?? new DefaultAzureCredential(), TokenScope)
            : new SubscriptionKeyPolicy(new AzureKeyCredential(options.ApiKey), KeyHeader);

        // Authentication runs per retry so that a refreshed token is used on the next attempt.
        return HttpPipelineBuilder.Build(
            clientOptions,
            perCallPolicies: [],
            perRetryPolicies: [authentication],
            new ResponseClassifier());
    }

    private async Task<EntityRecognitionResults> SendAsync(InputDocument[] batch, CancellationToken cancellationToken)
    {
        var body = new AnalyzeTextRequest(
            EntityRecognitionKind,
            new EntityRecognitionParameters(_options.ModelVersion, StringIndexType),
            new AnalysisInput(batch));

        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/language/:analyze-text", escape: false);
        request.Uri.AppendQuery("api-version", _options.ApiVersion);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, LanguageJsonContext.Default.AnalyzeTextRequest));

        try
        {
            await _pipeline.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or OperationCanceledException or IOException)
        {
            // Transport failures and per-attempt timeouts, after the retries.
            throw new LanguageServiceException(
                "Azure AI Language could not be reached after the configured retries.", 0, "NetworkError", null, exception);
        }

        var response = message.Response;
        if (response.IsError)
        {
            throw RequestError(response);
        }

        AnalyzeTextResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(response.Content.ToMemory().Span, LanguageJsonContext.Default.AnalyzeTextResponse);
        }
        catch (JsonException exception)
        {
            throw new LanguageServiceException("Azure AI Language answered with a body that is not valid JSON.", response.Status, "InvalidResponse", null, exception);
        }

        return answer?.Results
            ?? throw new LanguageServiceException("Azure AI Language answered without 'results'.", response.Status, "InvalidResponse", null);
    }

    private static LanguageServiceException RequestError(Response response)
    {
        ServiceError? error = null;
        try
        {
            error = JsonSerializer.Deserialize(response.Content.ToMemory().Span, LanguageJsonContext.Default.ErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            // Gateways can answer with HTML or nothing; the status still says what happened.
        }

        var code = string.IsNullOrEmpty(error?.Code) ? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.Code;
        var innerCode = error?.InnerError?.Code;
        var hint = response.Status switch
        {
            401 => " Check Alerts:Language:ApiKey, or the identity when no key is set.",
            403 => " The app's identity needs the 'Cognitive Services User' role on the Language resource.",
            404 => " Check Alerts:Language:Endpoint and Alerts:Language:ApiVersion.",
            429 => " Still throttled after the configured retries (Alerts:Language:MaxRetries).",
            _ => string.Empty,
        };
        var detail = innerCode is null ? code : $"{code}/{innerCode}";
        var serviceMessage = error?.InnerError?.Message ?? error?.Message;
        var message = $"Azure AI Language answered {response.Status} ({detail})"
            + (string.IsNullOrEmpty(serviceMessage) ? "." : $": {serviceMessage}")
            + hint;
        return new LanguageServiceException(message, response.Status, code, innerCode);
    }

    private void MapResults(
        InputDocument[] batch,
        EntityRecognitionResults answer,
        Dictionary<string, IReadOnlyList<RecognizedEntity>> results)
    {
        var sent = batch.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);

        foreach (var document in answer.Documents ?? [])
        {
            if (!sent.TryGetValue(document.Id, out var input) || !answered.Add(document.Id))
            {
                continue;
            }

            results[document.Id] = MapEntities(document, input.Text.Length);
        }

        foreach (var failure in answer.Errors ?? [])
        {
            if (sent.ContainsKey(failure.Id) && answered.Add(failure.Id))
            {
                // Codes only: a service message could quote the document.
                _logger.LogWarning(
                    "Azure AI Language rejected document {DocumentId}: {ErrorCode}/{InnerErrorCode}; it gets no service entities",
                    failure.Id,
                    failure.Error?.Code,
                    failure.Error?.InnerError?.Code);
            }
        }

        foreach (var id in sent.Keys.Where(id => !answered.Contains(id)))
        {
            _logger.LogWarning("Azure AI Language returned no result for document {DocumentId}; it gets no service entities", id);
        }
    }

    private List<RecognizedEntity> MapEntities(DocumentEntities document, int textLength)
    {
        var entities = new List<RecognizedEntity>(document.Entities?.Count ?? 0);
        foreach (var entity in document.Entities ?? [])
        {
            // An entity outside the text sent cannot be highlighted or trusted.
            if (string.IsNullOrEmpty(entity.Text) || string.IsNullOrEmpty(entity.Category)
                || entity.Offset < 0 || entity.Length <= 0 || entity.Offset + entity.Length > textLength
                || entity.ConfidenceScore < _options.MinConfidence)
            {
                continue;
            }

            entities.Add(new RecognizedEntity(entity.Text, entity.Category, entity.Offset, entity.Length, Math.Clamp(entity.ConfidenceScore, 0, 1))
            {
                Subcategory = string.IsNullOrEmpty(entity.Subcategory) ? null : entity.Subcategory,
                Source = SourceName,
            });
        }

        return entities;
    }
}
