using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.Language;

/// <summary>
/// Settings of the optional Azure AI Language enrichment, bound from <c>Alerts:Language</c>
/// (app settings <c>Alerts__Language__Enabled</c>, <c>Alerts__Language__Endpoint</c>...).
/// </summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Alerts:Language";

    /// <summary>The latest GA version of the analyze-text API when this client was written.</summary>
    public const string DefaultApiVersion = "2025-11-01";

    /// <summary>Off by default: the offline recogniser alone is used and no request leaves the process.</summary>
    public bool Enabled { get; set; }

    /// <summary>The Language resource endpoint, e.g. <c>https://my-language.cognitiveservices.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Resource key sent as <c>Ocp-Apim-Subscription-Key</c>. When absent the client authenticates with
    /// Entra ID (<c>DefaultAzureCredential</c>: the Function App's managed identity in Azure).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The <c>api-version</c> query parameter.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Alerts:Language:ApiVersion must not be empty (default 2025-11-01).")]
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The model version asked for; <c>latest</c> follows the service.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Alerts:Language:ModelVersion must not be empty (default latest).")]
    public string ModelVersion { get; set; } = "latest";

    /// <summary>Documents per request; the service accepts at most 5 for entity recognition.</summary>
    [Range(1, 5, ErrorMessage = "Alerts:Language:MaxDocumentsPerRequest must be between 1 and 5 (the service limit for entity recognition).")]
    public int MaxDocumentsPerRequest { get; set; } = 5;

    /// <summary>Text elements (grapheme clusters) kept per document; the service rejects more than 5,120.</summary>
    [Range(1, 5120, ErrorMessage = "Alerts:Language:MaxTextElements must be between 1 and 5120 (the service limit per document).")]
    public int MaxTextElements { get; set; } = 5120;

    /// <summary>Entities the service is less sure of than this are dropped.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Alerts:Language:MinConfidence must be between 0 and 1.")]
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>Retries after a throttled (429), timed-out or 5xx answer; each waits at least the service's Retry-After.</summary>
    [Range(0, 10, ErrorMessage = "Alerts:Language:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Base delay of the exponential back-off when the service gives no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Alerts:Language:RetryDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Longest wait of the client's own exponential back-off (a service Retry-After is honoured even when longer).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Alerts:Language:MaxRetryDelay must be between 00:00:00 and 00:05:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When a throttled answer asks to wait longer than this, the client gives up at once instead of
    /// holding the article; the caller then scores with the offline recogniser.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Alerts:Language:MaxRetryAfter must be between 00:00:00 and 00:10:00.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Alerts:Language:NetworkTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
