using System.Text.Json.Serialization;

namespace Alerts.Infrastructure.Language;

// The analyze-text wire contract (EntityRecognition task), as far as this client uses it.
// Unknown members of answers are ignored so that newer api-versions keep working.

internal sealed record AnalyzeTextRequest(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("parameters")] EntityRecognitionParameters Parameters,
    [property: JsonPropertyName("analysisInput")] AnalysisInput AnalysisInput);

internal sealed record EntityRecognitionParameters(
    [property: JsonPropertyName("modelVersion")] string ModelVersion,
    [property: JsonPropertyName("stringIndexType")] string StringIndexType);

internal sealed record AnalysisInput(
    [property: JsonPropertyName("documents")] IReadOnlyList<InputDocument> Documents);

internal sealed record InputDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("text")] string Text);

internal sealed record AnalyzeTextResponse(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("results")] EntityRecognitionResults? Results);

internal sealed record EntityRecognitionResults(
    [property: JsonPropertyName("documents")] IReadOnlyList<DocumentEntities>? Documents,
    [property: JsonPropertyName("errors")] IReadOnlyList<DocumentError>? Errors,
    [property: JsonPropertyName("modelVersion")] string? ModelVersion);

internal sealed record DocumentEntities(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("entities")] IReadOnlyList<WireEntity>? Entities,
    [property: JsonPropertyName("warnings")] IReadOnlyList<ServiceError>? Warnings);

internal sealed record WireEntity(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("subcategory")] string? Subcategory,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("confidenceScore")] double ConfidenceScore);

internal sealed record DocumentError(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("error")] ServiceError? Error);

internal sealed record ErrorEnvelope(
    [property: JsonPropertyName("error")] ServiceError? Error);

internal sealed record ServiceError(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("innererror")] ServiceError? InnerError);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class LanguageJsonContext : JsonSerializerContext;
